using System.Diagnostics;
using System.Text.Json;
using KukaPortal.Core.Images;
using KukaPortal.Core.Thresholds;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// Trains an image detector of any family on defect-free images and calibrates it on held-out ones:
/// validate → seeded split → one <see cref="IImageTrainingStep"/> per iteration on seeded batches → raw score terms
/// of the held-out images → per-term min–max statistics → combined held-out scores → threshold. Synchronous by
/// design: call it on a dedicated thread, never across an await (GUIDE §4). On CPU the same seed, images and thread
/// count give the same detector. The iterations run in <see cref="ImageTrainingLoop"/>, which honours every
/// <see cref="TrainingHooks"/> member: a run resumed from its checkpoint ends with the same weights as an
/// uninterrupted one, and a NaN at a report sends the run back to its last good report.
/// </summary>
public static class ImageTrainer
{
    private const int ScoringBatch = 32;

    public static ImageDetector Train(IReadOnlyList<PlanarImage> normalImages, ImageDetectorSettings settings,
        TorchDeviceOption device = TorchDeviceOption.Auto, Action<ImageTrainingProgress>? onProgress = null, CancellationToken ct = default) =>
        Train(normalImages, settings, TorchRuntime.ResolveDevice(device), onProgress, ct);

    public static ImageDetector Train(IReadOnlyList<PlanarImage> normalImages, ImageDetectorSettings settings, Device device,
        Action<ImageTrainingProgress>? onProgress = null, CancellationToken ct = default, TrainingHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        ImageInputs.Check(normalImages, settings, nameof(normalImages));
        var split = ImageHoldOut.Of(normalImages.Count, settings.HeldOutFraction, settings.Seed);

        torch.manual_seed(settings.Seed);
        var model = ImageModelCatalog.CreateModel(settings);
        try
        {
            model.to(device);
            var clock = Stopwatch.StartNew();
            var imagesSha256 = TrainingDataFingerprint.Of(normalImages);
            var outcome = ImageTrainingLoop.Run(model, normalImages, split, settings, device, onProgress, ct, hooks, RunFingerprint(settings, imagesSha256));
            var last = outcome.Last;

            var heldOutResults = ImageEvaluation.Run(model, normalImages, split.HeldOut, device, ScoringBatch);
            if (heldOutResults.Any(r => !r.Terms.All(double.IsFinite)))
                throw new TrainingDivergedException("Training ended with a model whose held-out scores are NaN or infinite; no threshold can be set on them. Try a lower learning rate.");
            var heldOut = heldOutResults.Select(r => r.Terms).ToArray();
            var terms = TermNormalisation.Fit(model.Terms, heldOut);
            var heldOutScores = heldOut.Select(raw => TermNormalisation.Combine(terms, raw)).ToArray();
            var choice = Core.Thresholds.ThresholdStrategy.Parse(settings.ThresholdStrategy).Choose(new ThresholdData { NormalScores = heldOutScores });
            // All held-out images scoring the same would give a zero threshold; keep calibrated scores finite.
            var threshold = Math.Max(choice.Value, 1e-12);

            var metadata = new ImageModelMetadata
            {
                FormatVersion = ArtifactFormat.Version,
                Family = settings.Family,
                Settings = settings,
                Channels = settings.Channels,
                Size = settings.Size,
                Terms = terms,
                Threshold = new ThresholdMetadata(threshold, choice.Strategy),
                MapSaturation = MapSaturation.Of(heldOutResults.Select(r => r.Map)),
                Validation = ScoreSummary.Of(heldOutScores),
                Training = new ImageTrainingSummary(split.Training.Length, split.HeldOut.Length, settings.Iterations,
                    last.Reconstruction, last.Losses, clock.Elapsed.TotalSeconds, device.type.ToString().ToLowerInvariant())
                {
                    ResumedFromIteration = outcome.ResumedFromIteration,
                },
                TrainingDataSha256 = imagesSha256,
                TorchSharpVersion = TorchSharpBuild.Version,
                CreatedUtc = DateTimeOffset.UtcNow,
            };
            return new ImageDetector(model, metadata, device);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>A checkpoint belongs to one run: the same settings on the same images, in the same order.</summary>
    private static string RunFingerprint(ImageDetectorSettings settings, string imagesSha256) =>
        $"image|{JsonSerializer.Serialize(settings, ArtifactJson.Options)}|{imagesSha256}";
}
