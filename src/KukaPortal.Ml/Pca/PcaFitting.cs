using KukaPortal.Core.Series;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Pca;

/// <summary>
/// The closed-form "training" of the PCA baseline: fit on the training windows' rows, then report the mean
/// reconstruction MSE of the training and held-out windows, the losses the gradient families report too.
/// </summary>
internal static class PcaFitting
{
    private const int ScoringBatch = 256;

    public static TrainingOutcome Run(PcaModel model, DetectorSettings settings, TimeSeries scaled, HoldOutSplit split, Device device)
    {
        model.Fit(scaled, split.Training, settings.PcaVariance);
        var loss = ReconstructionScorer.MeanSquaredError(model, scaled, split.Training, device, ScoringBatch);
        var validation = ReconstructionScorer.MeanSquaredError(model, scaled, split.HeldOut, device, ScoringBatch);
        return new TrainingOutcome(loss, validation, IterationsRun: 0, StoppedEarly: false);
    }
}
