using System.Text.Json;
using System.Text.Json.Serialization;

namespace KukaPortal.Benchmarks.Push;

/// <summary>The push suite's result: as docs/performance.md shows it, or as JSON for scripts (<c>--json</c>).</summary>
/// <param name="Settings">The settings that shape latency, as the running portal resolved them.</param>
public sealed record PushBenchReport(
    DateTimeOffset Date, int Cores, string LoadBefore, string LoadAfter, string Settings, IReadOnlyList<double> WarmUpSeconds,
    IReadOnlyList<PushScenarioResult> Scenarios)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // a scenario that received nothing has NaN percentiles
    };

    public string Suite => "push";

    public string Markdown() => string.Join('\n', [
        $"Date: {Date:yyyy-MM-dd HH:mm} UTC; {Cores} cores; load average {LoadBefore} before, {LoadAfter} after; {Settings}; " +
        $"warm-up {string.Join(" / ", WarmUpSeconds.Select(s => $"{s:G} s"))} (not counted)",
        "",
        PushScenarioResult.MarkdownHeader,
        .. Scenarios.Select(s => s.MarkdownRow())]);

    public string Json() => JsonSerializer.Serialize(this, JsonOptions);
}
