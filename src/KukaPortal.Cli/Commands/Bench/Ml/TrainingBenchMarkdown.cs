using static KukaPortal.Cli.Commands.Bench.Ml.MlBenchMarkdown;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary><c>bench training</c> as Markdown for docs/performance.md.</summary>
internal static class TrainingBenchMarkdown
{
    public static string Render(TrainingBenchReport report)
    {
        var text = Header(report.Command, report.Date, report.Machine, report.Torch);
        text.Append(Invariant($"Paper-default settings of each family on {report.SimulatedRows:N0} simulated rows (min-max scaled); {report.Warmup} warm-up then {report.TimedIterations} timed iterations, mean s/it. **Full-run times are projections** (s/it × the paper's iterations), not timed runs.\n\n"));
        text.Append("| Model | W | Channels | Batch | Iterations/s | ms/iteration | Paper iterations | Projected full run | Loss finite |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in report.Results)
            text.Append(Invariant($"| {r.Model} | {r.Window} | {r.Channels} | {r.Batch} | {r.IterationsPerSecond:N2} | {1000 / r.IterationsPerSecond:N1} | {r.PaperIterations:N0} | {Minutes(r.ProjectedSeconds)} (projection) | {(r.FiniteLoss ? "yes" : "**no**")} |\n"));
        text.Append(Invariant($"\nEntering and leaving the no-GC region each iteration runs in (`NoGcRegion`, its entry collects the heap): {report.NoGcRegionSeconds * 1000:N2} ms each, with {report.ManagedHeapBytes / 1e6:N0} MB on the managed heap; included in the times above.\n"));
        if (report.Check is { } check)
            text.Append(Invariant($"\nReal run backing the projection: `DetectorTrainer.Train` of {check.Model} for {check.Iterations:N0} iterations (with its validation every 100 iterations, held-out scores and threshold) took {check.Seconds:N1} s (trainer's own clock {check.TrainerSeconds:N1} s); the measured s/it projects {check.ProjectedSeconds:N1} s for them, so the run took {check.Seconds / check.ProjectedSeconds:N2}× the projection. Threshold finite: {(check.FiniteThreshold ? "yes" : "**no**")}.\n"));
        return text.ToString();
    }

    private static string Minutes(double seconds) => seconds >= 120 ? Invariant($"{seconds / 60:N1} min") : Invariant($"{seconds:N0} s");
}
