using System.Diagnostics;
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
/// count give the same detector. Checkpoints (<see cref="TrainingHooks.CheckpointEvery"/>) are not taken yet: an
/// interrupted image run starts again; only <see cref="TrainingHooks.BetweenSteps"/> is honoured.
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
            var last = Fit(model, normalImages, split, settings, device, onProgress, ct, hooks, clock);

            // No replay from a good state here yet (the time-series loop has one): a broken run stops with a clear error
            // instead of saving a model whose scores are NaN.
            if (!FiniteState.Of(model))
                throw new TrainingDivergedException("Training diverged: the model's weights became NaN or infinite. Try a lower learning rate.");
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
                    last.Reconstruction, last.Losses, clock.Elapsed.TotalSeconds, device.type.ToString().ToLowerInvariant()),
                TrainingDataSha256 = TrainingDataFingerprint.Of(normalImages),
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

    private static ImageTrainingProgress Fit(ImageModel model, IReadOnlyList<PlanarImage> images, ImageHoldOut split, ImageDetectorSettings settings,
        Device device, Action<ImageTrainingProgress>? onProgress, CancellationToken ct, TrainingHooks? hooks, Stopwatch clock)
    {
        using var step = ImageModelCatalog.CreateStep(settings, model, device);
        var sampler = new BatchSampler(split.Training.Length, settings.BatchSize, settings.Seed);
        var window = new ProgressWindow();
        ImageTrainingProgress? last = null;
        for (var iteration = 1; iteration <= settings.Iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var batch = sampler.Next().Select(i => split.Training[i]).ToArray();
            using (NoGcRegion.Enter())
            using (NewDisposeScope())
                window.Add(step.Step(ImageBatch.ToTensor(images, batch, device)));
            hooks?.BetweenSteps?.Invoke();

            if (iteration % settings.ProgressInterval != 0 && iteration != settings.Iterations)
                continue;
            var remaining = clock.Elapsed * ((double)(settings.Iterations - iteration) / iteration);
            last = window.Report(iteration, settings.Iterations, remaining);
            onProgress?.Invoke(last);
        }
        return last!;
    }

    /// <summary>Averages the steps between two reports.</summary>
    private sealed class ProgressWindow
    {
        private readonly Dictionary<string, double> losses = [];
        private double reconstruction;
        private int steps;

        public void Add(ImageStepResult result)
        {
            reconstruction += result.Reconstruction;
            foreach (var (name, value) in result.Losses)
                losses[name] = losses.GetValueOrDefault(name) + value;
            steps++;
        }

        public ImageTrainingProgress Report(int iteration, int iterations, TimeSpan remaining)
        {
            var report = new ImageTrainingProgress(iteration, iterations, reconstruction / steps,
                losses.ToDictionary(p => p.Key, p => p.Value / steps), remaining);
            losses.Clear();
            reconstruction = 0;
            steps = 0;
            return report;
        }
    }
}
