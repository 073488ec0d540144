using System.Diagnostics;
using KukaPortal.Core.Images;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// The iteration loop of image training, the image counterpart of <see cref="GradientTraining"/> with the same
/// mechanisms: one <see cref="IImageTrainingStep"/> per iteration on seeded batches of the training images, a
/// progress report every <see cref="ImageDetectorSettings.ProgressInterval"/> iterations, cancellation between
/// iterations, <see cref="TrainingHooks"/> (work between steps, checkpoints at reports, resuming from one), and at
/// every report a check that the losses, the model and the step's opponents are finite — if not, the run goes back to
/// its last good report and replays the same batches (<see cref="DivergenceRecovery"/>). Checkpoints are taken at
/// reports only, when the progress window is empty, so a resumed run reports exactly what the uninterrupted one did.
/// </summary>
internal static class ImageTrainingLoop
{
    public static ImageTrainingOutcome Run(ImageModel model, IReadOnlyList<PlanarImage> images, ImageHoldOut split, ImageDetectorSettings settings,
        Device device, Action<ImageTrainingProgress>? onProgress, CancellationToken ct, TrainingHooks? hooks, string runFingerprint)
    {
        using var step = ImageModelCatalog.CreateStep(settings, model, device);
        var sampler = new BatchSampler(split.Training.Length, settings.BatchSize, settings.Seed);
        var first = 1;
        int? resumedFrom = null;
        if (hooks?.ResumableFrom(runFingerprint, settings.Iterations) is { } resume)
        {
            RunState.Restore(resume, model, step, best: null);
            sampler = BatchSampler.After(resume.Iteration, split.Training.Length, settings.BatchSize, settings.Seed);
            first = resume.Iteration + 1;
            resumedFrom = resume.Iteration;
        }

        var recovery = new DivergenceRecovery(RunState.WithoutEarlyStopping.Capture(first - 1, runFingerprint, model, step, best: null));
        var window = new ProgressWindow();
        var clock = Stopwatch.StartNew();
        var stepsRun = 0;
        ImageTrainingProgress? last = null;
        for (var iteration = first; iteration <= settings.Iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var batch = sampler.Next().Select(i => split.Training[i]).ToArray();
            using (NoGcRegion.Enter())
            using (NewDisposeScope())
                window.Add(step.Step(ImageBatch.ToTensor(images, batch, device)));
            stepsRun++;
            hooks?.BetweenSteps?.Invoke();

            if (iteration % settings.ProgressInterval != 0 && iteration != settings.Iterations)
                continue;
            var remaining = clock.Elapsed * ((double)(settings.Iterations - iteration) / stepsRun);
            var report = window.Report(iteration, settings.Iterations, remaining);
            if (!IsFinite(report) || !FiniteState.Of(model) || !step.Opponents.All(FiniteState.Of))
            {
                var good = recovery.GoBack(iteration);
                RunState.Restore(good, model, step, best: null);
                sampler = BatchSampler.After(good.Iteration, split.Training.Length, settings.BatchSize, settings.Seed);
                iteration = good.Iteration;
                continue;
            }
            last = report;
            onProgress?.Invoke(last);
            recovery.Passed(RunState.WithoutEarlyStopping.Capture(iteration, runFingerprint, model, step, best: null));
            hooks?.OfferCheckpoint(recovery.LastGood, settings.Iterations);
        }
        return new ImageTrainingOutcome(last!, resumedFrom);
    }

    private static bool IsFinite(ImageTrainingProgress report) =>
        double.IsFinite(report.Reconstruction) && report.Losses.Values.All(double.IsFinite);

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

/// <summary>The last progress report of an image run, and the checkpoint iteration it continued from, if any.</summary>
internal sealed record ImageTrainingOutcome(ImageTrainingProgress Last, int? ResumedFromIteration);
