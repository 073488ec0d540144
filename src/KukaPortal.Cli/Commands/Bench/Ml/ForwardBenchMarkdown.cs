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
        if (report.Lanes > 1)
            text.Append(Invariant($"Side by side: the same batches on {report.Lanes} torch lanes of one libtorch thread each, every lane taking the next batch when it is free, as a score job runs them (ADR 0011); a single window is never run that way.\n\n"));
        text.Append("| Model | W | Channels | Batch | Windows/s | MFLOP/window | GFLOP/s | % of peak | Windows per CPU-s | Side by side, windows/s | Side by side, % of peak | Outputs finite |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in report.Results)
            text.Append(Invariant($"| {r.Model} | {r.Window} | {r.Channels} | {r.Batch} | {r.WindowsPerSecond:N0} | {r.FlopsPerWindow / 1e6:N3} | {r.GflopsPerSecond:N2} | {100 * r.FractionOfPeak:N1} | {r.WindowsPerCpuSecond:N0} | {Optional(r.SideBySideWindowsPerSecond, "N0")} | {Optional(100 * r.SideBySideFractionOfPeak, "N1")} | {(r.Finite ? "yes" : "**no**")} |\n"));
        return text.ToString();
    }

    private static string Optional(double? value, string format) => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "—";
}
