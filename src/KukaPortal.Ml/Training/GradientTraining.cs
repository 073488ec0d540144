using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// The iteration loop every gradient-trained family shares: seeded mini-batches of training windows, one
/// <see cref="ITrainingStep"/> per iteration, a progress report (with the held-out MSE) every
/// <see cref="DetectorSettings.ProgressInterval"/> iterations, cancellation between iterations, and optional
/// early stopping that puts back the weights of the best report. With <see cref="TrainingHooks"/> it runs the
/// host's work between steps, takes checkpoints at reports, and continues a run from a checkpoint.
/// <para>
/// Every report also checks that the loss, the held-out error and the weights are finite. If not, the run goes back
/// to the state of the last good report and replays the same batches from there (<see cref="DivergenceRecovery"/>).
/// </para>
/// </summary>
internal static class GradientTraining
{
    private const int MonitorWindows = 512;
    private const int ScoringBatch = 256;

    public static TrainingOutcome Run(WindowModel model, DetectorSettings settings, TimeSeries scaled, HoldOutSplit split,
        Device device, Action<TrainingProgress>? onProgress, CancellationToken ct, TrainingHooks? hooks = null, string runFingerprint = "")
    {
        using var step = ModelCatalog.Step(settings, model, scaled.ChannelCount, device);
        var sampler = new BatchSampler(split.Training.Count, settings.BatchSize, settings.Seed);
        var monitor = EvenlySpaced(split.HeldOut, MonitorWindows);
        using var best = settings.EarlyStoppingPatience is null ? null : new WeightSnapshot(model);

        var window = new ReportWindow();
        TrainingProgress? last = null;
        var bestValidation = double.PositiveInfinity;
        var reportsSinceBest = 0;
        var first = 1;
        int? resumedFrom = null;
        if (hooks?.ResumableFrom(runFingerprint, settings.Iterations) is { } resume)
        {
            (bestValidation, reportsSinceBest) = RunState.Restore(resume, model, step, best);
            sampler = BatchSampler.After(resume.Iteration, split.Training.Count, settings.BatchSize, settings.Seed);
            first = resume.Iteration + 1;
            resumedFrom = resume.Iteration;
        }

        var recovery = new DivergenceRecovery(new RunState(bestValidation, reportsSinceBest).Capture(first - 1, runFingerprint, model, step, best));
        for (var iteration = first; iteration <= settings.Iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            using (NoGcRegion.Enter())
            using (torch.NewDisposeScope())
                window.Add(step.Step(WindowBatch.ToTensor(scaled, sampler.Next(), split.Training, device)));
            hooks?.BetweenSteps?.Invoke();

            if (iteration % settings.ProgressInterval != 0 && iteration != settings.Iterations)
                continue;

            var validation = ReconstructionScorer.MeanSquaredError(model, scaled, monitor, device, ScoringBatch);
            last = window.Report(iteration, settings.Iterations, validation);
            if (!double.IsFinite(last.Loss) || !double.IsFinite(validation) || !FiniteState.Of(model))
            {
                var good = recovery.GoBack(iteration);
                (bestValidation, reportsSinceBest) = RunState.Restore(good, model, step, best);
                sampler = BatchSampler.After(good.Iteration, split.Training.Count, settings.BatchSize, settings.Seed);
                iteration = good.Iteration;
                continue;
            }
            onProgress?.Invoke(last);

            if (best is not null)
            {
                if (validation < bestValidation)
                {
                    bestValidation = validation;
                    reportsSinceBest = 0;
                    best.Capture();
                }
                else if (++reportsSinceBest >= settings.EarlyStoppingPatience)
                {
                    best.Restore();
                    return new TrainingOutcome(last.Loss, bestValidation, iteration, StoppedEarly: true, last.Discriminator, resumedFrom);
                }
            }

            recovery.Passed(new RunState(bestValidation, reportsSinceBest).Capture(iteration, runFingerprint, model, step, best));
            hooks?.OfferCheckpoint(recovery.LastGood, settings.Iterations);
        }

        best?.Restore();
        return new TrainingOutcome(last!.Loss, best is null ? last.ValidationLoss : bestValidation, settings.Iterations, StoppedEarly: false, last.Discriminator, resumedFrom);
    }

    private static IReadOnlyList<WindowSpan> EvenlySpaced(IReadOnlyList<WindowSpan> spans, int count)
    {
        if (spans.Count <= count)
            return spans;
        return Enumerable.Range(0, count).Select(i => spans[(int)((long)i * spans.Count / count)]).ToArray();
    }

    /// <summary>Averages the steps between two reports.</summary>
    private sealed class ReportWindow
    {
        private double loss, dLoss, accuracyReal, accuracyFake;
        private int steps, discriminatorSteps, reinitialisations;

        public void Add(StepResult result)
        {
            loss += result.Loss;
            steps++;
            if (result.Discriminator is { } d)
            {
                dLoss += d.Loss;
                accuracyReal += d.AccuracyReal;
                accuracyFake += d.AccuracyFake;
                discriminatorSteps++;
                if (d.Reinitialised)
                    reinitialisations++;
            }
        }

        public TrainingProgress Report(int iteration, int iterations, double validation)
        {
            var discriminator = discriminatorSteps == 0 ? null
                : new DiscriminatorProgress(dLoss / discriminatorSteps, accuracyReal / discriminatorSteps, accuracyFake / discriminatorSteps, reinitialisations);
            var report = new TrainingProgress(iteration, iterations, loss / steps, validation, discriminator);
            loss = dLoss = accuracyReal = accuracyFake = 0;
            steps = discriminatorSteps = 0; // re-initialisations count from the start of training
            return report;
        }
    }
}
