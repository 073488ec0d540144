using KukaPortal.Core.Thresholds;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Jobs;

namespace KukaPortal.Web.Training;

/// <summary>Turns a job's stored parameters, with the configured defaults for the rest, into the trainer's settings.</summary>
public static class TrainingSettings
{
    /// <summary>The parameters of a request that names only recordings: the configured defaults (paper 000's conv AE).</summary>
    public static TrainingParameters Defaults(TrainingOptions options, IReadOnlyList<int> normalRecordingIds) => new()
    {
        NormalRecordingIds = normalRecordingIds,
        Family = ModelFamily.ConvAe.Name(),
        Window = options.Window,
        Latent = options.Latent,
        Lambda = new DetectorSettings().FeatureMatchingWeight,
        Iterations = options.Iterations,
        ThresholdStrategy = new QuantileStrategy(options.ThresholdQuantile).ToString(),
    };

    public static DetectorSettings For(TrainingParameters parameters, TrainingOptions options)
    {
        if (!ModelFamilyNames.TryParse(parameters.Family, out var family))
            throw new ArgumentException($"'{parameters.Family}' is not a model family: one of {string.Join(", ", ModelFamilyNames.All)}.");
        var quantile = ThresholdStrategy.Parse(parameters.ThresholdStrategy) is QuantileStrategy q ? q.Q : options.ThresholdQuantile;
        return DetectorSettings.For(family) with
        {
            Window = parameters.Window,
            Latent = parameters.Latent,
            BaseWidth = options.BaseWidth,
            Iterations = parameters.Iterations,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            FeatureMatchingWeight = parameters.Lambda,
            ThresholdQuantile = quantile,
            ProgressInterval = LossCadence.IntervalFor(parameters.Iterations),
        };
    }
}
