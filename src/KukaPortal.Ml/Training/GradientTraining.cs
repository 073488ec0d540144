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
/// to the state of the last good report and replays the same batches from there (so the result is the one an
/// undisturbed run gives), at most <see cref="MaxRecoveries"/> times. Why: under heavy load TorchSharp 0.107's
/// temporary scalars can be finalised while libtorch still reads them (see <see cref="Runtime.NoGcRegion"/>, whose
/// protection is best effort), and a garbage scalar in one step turns the weights into NaN for good.
/// </para>
/// </summary>
internal static class GradientTraining
{
    private const int MonitorWindows = 512;
    private const int ScoringBatch = 256;
    private const int MaxRecoveries = 5;

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
        if (hooks?.ResumeFrom is { } resume && resume.RunFingerprint == runFingerprint && resume.Iteration < settings.Iterations)
        {
            (bestValidation, reportsSinceBest) = RunState.Restore(resume, model, step, best);
            for (var skipped = 0; skipped < resume.Iteration; skipped++)
                sampler.Next(); // the batches of the resumed run continue the seeded sequence
            first = resume.Iteration + 1;
            resumedFrom = resume.Iteration;
        }

        var lastGood = new RunState(bestValidation, reportsSinceBest).Capture(first - 1, runFingerprint, model, step, best);
        var recoveries = 0;
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
                if (++recoveries > MaxRecoveries)
                    throw new TrainingDivergedException(
                        $"Training diverged: the loss or the weights became NaN or infinite {recoveries} times (last between iterations {lastGood.Iteration} and {iteration}), " +
                        "even after going back to the last good state each time. Try a lower learning rate; if it keeps happening at the defaults, the machine's torch runtime is suspect.");
                (bestValidation, reportsSinceBest) = RunState.Restore(lastGood, model, step, best);
                sampler = new BatchSampler(split.Training.Count, settings.BatchSize, settings.Seed);
                for (var replayed = 0; replayed < lastGood.Iteration; replayed++)
                    sampler.Next();
                iteration = lastGood.Iteration;
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

            lastGood = new RunState(bestValidation, reportsSinceBest).Capture(iteration, runFingerprint, model, step, best);
            if (hooks is { CheckpointEvery: > 0, OnCheckpoint: { } save } && iteration % hooks.CheckpointEvery == 0 && iteration < settings.Iterations)
                save(lastGood);
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
