using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// Trains a detector of any family on normal data and calibrates its threshold on held-out normal windows:
/// split → fit preprocessing on the training rows → fit the model (gradient steps, or closed form for PCA) →
/// threshold → metadata. Synchronous by design: call it on a dedicated thread, never across an await
/// (GUIDE §4). On CPU the same seed, data and thread count give the same weights.
/// </summary>
public static class DetectorTrainer
{
    private const int ScoringBatch = 256;

    public static Detector Train(TimeSeries normal, DetectorSettings settings, TorchDeviceOption device = TorchDeviceOption.Auto,
        Action<TrainingProgress>? onProgress = null, CancellationToken ct = default) =>
        Train(normal, settings, TorchRuntime.ResolveDevice(device), onProgress, ct);

    public static Detector Train(TimeSeries normal, DetectorSettings settings, Device device,
        Action<TrainingProgress>? onProgress = null, CancellationToken ct = default, TrainingHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(normal);
        return Train(TrainingSegments.Single(normal), settings, device, onProgress, ct, hooks);
    }

    /// <summary>Trains on several pieces of normal data at once; no window crosses from one piece into the next.</summary>
    public static Detector Train(TrainingSegments segments, DetectorSettings settings, Device device,
        Action<TrainingProgress>? onProgress = null, CancellationToken ct = default, TrainingHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var normal = segments.Series;
        settings.Validate();
        RejectNonFinite(normal);

        var stride = settings.EffectiveStride;
        settings = settings with { Stride = stride };
        var split = HoldOutSplit.Of(segments.SegmentRows, settings.Window, stride, settings.ValidationFraction);
        var preprocessing = PreprocessingPipeline.Fit(FirstRows(normal, split.TrainingRows), new PreprocessingOptions { Scaler = settings.Scaler });
        var scaled = preprocessing.Transform(normal);

        torch.manual_seed(settings.Seed);
        var model = ModelCatalog.Create(settings, scaled.ChannelCount);
        try
        {
            model.to(device);
            var clock = Stopwatch.StartNew();
            var outcome = settings.Family.IsClosedForm()
                ? ModelCatalog.FitClosedForm(settings, model, scaled, split, device)
                : GradientTraining.Run(model, settings, scaled, split, device, onProgress, ct, hooks, RunFingerprint(settings, segments));

            var heldOutScores = HeldOutScores(model, scaled, split, device);
            // A perfect reconstruction would give a zero threshold; keep calibrated scores finite.
            var threshold = Math.Max(Quantile.Of(heldOutScores, settings.ThresholdQuantile), 1e-12);

            var metadata = new ModelMetadata
            {
                FormatVersion = ArtifactFormat.Version,
                Family = settings.Family,
                Hyperparameters = JsonSerializer.SerializeToElement(settings, ArtifactJson.Options),
                Channels = normal.Channels.ToArray(),
                Preprocessing = preprocessing.ToState(),
                Window = settings.Window,
                TrainingStride = stride,
                ScoringStride = settings.Window,
                Threshold = new ThresholdMetadata(threshold, $"quantile:{settings.ThresholdQuantile.ToString(CultureInfo.InvariantCulture)}"),
                Validation = ScoreSummary.Of(heldOutScores),
                Training = new TrainingSummary(split.Training.Count, split.HeldOut.Count, outcome.Loss, outcome.ValidationLoss,
                    clock.Elapsed.TotalSeconds, device.type.ToString().ToLowerInvariant())
                {
                    IterationsRun = outcome.IterationsRun,
                    StoppedEarly = outcome.StoppedEarly,
                    Discriminator = outcome.Discriminator,
                    ResumedFromIteration = outcome.ResumedFromIteration,
                },
                TrainingDataSha256 = TrainingDataFingerprint.Of(normal),
                TorchSharpVersion = TorchSharpBuild.Version,
                CreatedUtc = DateTimeOffset.UtcNow,
            };
            return new Detector(model, preprocessing, metadata, settings, device);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The held-out windows' scores that set the threshold. A non-finite score from finite weights is a transient fault
    /// of the torch runtime (see <see cref="GradientTraining"/>), so the scores are computed once more before giving up.
    /// </summary>
    private static double[] HeldOutScores(WindowModel model, TimeSeries scaled, HoldOutSplit split, Device device)
    {
        for (var attempt = 1; ; attempt++)
        {
            var scores = ReconstructionScorer.Scores(model, scaled, split.HeldOut, device, ScoringBatch);
            if (scores.All(double.IsFinite))
                return scores;
            if (attempt == 2)
                throw new TrainingDivergedException("Training ended with a model whose held-out scores are NaN or infinite; no threshold can be set on them. Try a lower learning rate.");
        }
    }

    /// <summary>A checkpoint belongs to one run: the same settings on the same data.</summary>
    private static string RunFingerprint(DetectorSettings settings, TrainingSegments segments)
    {
        var fingerprint = $"{JsonSerializer.Serialize(settings, ArtifactJson.Options)}|{TrainingDataFingerprint.Of(segments.Series)}";
        // One segment keeps the fingerprint of earlier versions, so their checkpoints still resume.
        return segments.SegmentRows.Count == 1 ? fingerprint : $"{fingerprint}|segments:{string.Join(',', segments.SegmentRows)}";
    }

    private static TimeSeries FirstRows(TimeSeries series, int rows) =>
        new(series.Channels, series.Values[..(rows * series.ChannelCount)]);

    private static void RejectNonFinite(TimeSeries series)
    {
        var index = Array.FindIndex(series.Values, v => !float.IsFinite(v));
        if (index >= 0)
            throw new ArgumentException(
                $"Training data must be finite: row {index / series.ChannelCount}, channel '{series.Channels[index % series.ChannelCount]}' " +
                $"is {series.Values[index]}. Clean or impute the recording first.", nameof(series));
    }
}
