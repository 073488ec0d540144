using System.Globalization;
using KukaPortal.Benchmarks.Harness;

namespace KukaPortal.Benchmarks.Push;

/// <summary>One scenario's measurement: what was sent and delivered, the latency percentiles and what the machine spent.</summary>
/// <param name="BacklogWindowsPerSecond">Windows the score jobs alongside stored per measured second; null without them.</param>
public sealed record PushScenarioResult(
    PushBenchOptions Scenario, int WindowsMeasured, long Received, long Expected, Percentiles Latency,
    double ProcessCpuMsPerWindow, double PostgresCpuMsPerWindow, int FullCollections, double GcPausesMs, double MachineBusyPercent, double StealPercent,
    double? BacklogWindowsPerSecond, int RefusedChunks)
{
    /// <summary>Issue 8's target, met when every delivery arrived and the p95 is under it.</summary>
    public string Target => "p95 < 200 ms";

    public bool Met => Received == Expected && Latency.P95 < 200;

    public const string MarkdownHeader =
        "| Clients | Assets | Windows/s per asset | Windows measured | Deliveries (received / expected) | p50 ms | p95 ms | p99 ms | max ms | Bench process CPU ms / window | PostgreSQL CPU ms / window | Full GCs | GC pauses ms | Machine busy / steal % | Score jobs beside: windows/s stored |\n" +
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string MarkdownRow() =>
        $"| {Scenario.Clients} | {Scenario.Assets} | {Scenario.WindowsPerSecond.ToString("G", CultureInfo.InvariantCulture)} | {WindowsMeasured:N0} | {Received:N0} / {Expected:N0} | " +
        $"{Percentiles.Ms(Latency.P50)} | {Percentiles.Ms(Latency.P95)} | {Percentiles.Ms(Latency.P99)} | {Percentiles.Ms(Latency.Max)} | " +
        $"{ProcessCpuMsPerWindow:F2} | {PostgresCpuMsPerWindow:F2} | {FullCollections:N0} | {GcPausesMs:N0} | {BusyAndSteal()} | " +
        $"{(BacklogWindowsPerSecond is { } backlog ? backlog.ToString("N0", CultureInfo.InvariantCulture) : "–")} |" +
        (RefusedChunks > 0 ? $" ({RefusedChunks} chunks refused)" : "");

    private string BusyAndSteal() => double.IsNaN(MachineBusyPercent) ? "–" : $"{MachineBusyPercent:F0} / {StealPercent:F1}";
}
