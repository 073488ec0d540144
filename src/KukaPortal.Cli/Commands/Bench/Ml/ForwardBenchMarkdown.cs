using static KukaPortal.Cli.Commands.Bench.Ml.MlBenchMarkdown;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary><c>bench forward</c> as Markdown for docs/performance.md.</summary>
internal static class ForwardBenchMarkdown
{
    public static string Render(ForwardBenchReport report)
    {
        var text = Header(report.Command, report.Date, report.Machine, report.Torch);
        text.Append(Invariant($"Peak: {report.Peak.GflopsPerSecond:N1} GFLOP/s ({report.Peak.Size}×{report.Peak.Size} float32 matmul, best of {report.Repeat})  \n"));
        text.Append(Invariant($"Raw forward pass in eval mode under {report.GradientMode}, random windows already in a tensor; best of {report.Repeat} timed runs after a warm-up. FLOPs = 2 × multiply-adds of the Linear and convolution layers (pca: its two matmuls, in float64). Windows per CPU-s divides by the process's CPU time (all torch threads) instead of the wall clock.\n\n"));
        text.Append("| Model | W | Channels | Batch | Windows/s | MFLOP/window | GFLOP/s | % of peak | Windows per CPU-s | Outputs finite |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in report.Results)
            text.Append(Invariant($"| {r.Model} | {r.Window} | {r.Channels} | {r.Batch} | {r.WindowsPerSecond:N0} | {r.FlopsPerWindow / 1e6:N3} | {r.GflopsPerSecond:N2} | {100 * r.FractionOfPeak:N1} | {r.WindowsPerCpuSecond:N0} | {(r.Finite ? "yes" : "**no**")} |\n"));
        return text.ToString();
    }
}
