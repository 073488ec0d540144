using System.Globalization;
using System.Text;

namespace KukaPortal.Cli.Commands.Bench.Persistence;

/// <summary>The persistence bench as Markdown for docs/performance.md: how it ran, on what, then rows/s per path.</summary>
public static class PersistenceBenchMarkdown
{
    public static string Render(string command, BenchMachine machine, string server, IReadOnlyList<PersistenceBenchResult> results,
        IReadOnlyList<AlarmTransitionResult> transitions)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Command: `{command}`  \n"));
        text.Append(Invariant($"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC  \n"));
        text.Append(Invariant($"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Os}, {machine.Runtime}, {machine.Build} build  \n"));
        text.Append(Invariant($"Load average at the end: {LoadAverage()}  \n"));
        text.Append(Invariant($"Server: {server}; a throwaway database, one timed run per path after a warm-up; {PersistenceBenchSuite.Channels}-channel contributions in every row.\n\n"));
        text.Append("| Path | Rows | Batch | Seconds | Client CPU s | Rows/s | Target |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in results)
            text.Append(Invariant($"| {r.Name} | {r.Rows:N0} | {r.BatchSize:N0} | {r.Seconds:N3} | {r.ClientCpuSeconds:N3} | {r.RowsPerSecond:N0} | {Target(r)} |\n"));
        text.Append("\n| Alarm transition | Code | Transitions | Seconds | Transitions/s |\n");
        text.Append("|---|---|---:|---:|---:|\n");
        foreach (var t in transitions)
            text.Append(Invariant($"| {t.Transition} | `{t.Code}` | {t.Count:N0} | {t.Seconds:N3} | {t.PerSecond:N0} |\n"));
        return text.ToString();
    }

    private static string Target(PersistenceBenchResult result) => result.MeetsTarget switch
    {
        null => "—",
        true => Invariant($"≥ {result.TargetRowsPerSecond:N0} rows/s: met"),
        false => Invariant($"≥ {result.TargetRowsPerSecond:N0} rows/s: **missed**"),
    };

    /// <summary>The 1-minute load average (Linux); a busy machine explains slow numbers.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
