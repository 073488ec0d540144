using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KukaPortal.Web.Torch;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// A suite's result as docs/performance.md shows it (command, date, machine, load average before and after, table)
/// or as JSON for scripts. The load average is part of every report: on a shared machine it says how far to trust it.
/// </summary>
public sealed record BenchSuiteReport(
    string Suite, string Command, DateTimeOffset Date, string Machine, string LoadBefore, string LoadAfter,
    IReadOnlyList<BenchRow> Rows, IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The machine, and the device the portal's torch runs on (a GPU when it has one: Torch:Device is Auto).</summary>
    public static string DescribeMachine(IServiceProvider portal)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").Where(l => l.StartsWith("model name", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
        var torch = portal.GetRequiredService<TorchStatus>().Info;
        return $"{cpu ?? "unknown CPU"}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"torch on {torch.DeviceType.ToUpperInvariant()} ({torch.DeviceName})";
    }

    public string Render(bool json) => json ? JsonSerializer.Serialize(this, JsonOptions) : Markdown();

    private string Markdown()
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Command: `{Command}`  \n"));
        text.Append(Invariant($"Date: {Date.UtcDateTime:yyyy-MM-dd HH:mm} UTC  \n"));
        text.Append(Invariant($"Machine: {Machine}  \n"));
        text.Append(Invariant($"Load average (1, 5, 15 min): {LoadBefore} before, {LoadAfter} after\n\n"));
        text.Append("| Measurement | Code | Value | Detail | Target |\n|---|---|---:|---|---|\n");
        foreach (var row in Rows)
            text.Append(Invariant($"| {row.Measurement} | `{row.Code}` | {row.Value:N3} {row.Unit} | {row.Detail} | {Target(row)} |\n"));
        foreach (var note in Notes)
            text.Append('\n').Append(note).Append('\n');
        return text.ToString();
    }

    private static string Target(BenchRow row) => row.Target is null ? "—" : row.Met == false ? $"{row.Target}: **missed**" : $"{row.Target}: met";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
