using System.Text.Json;

namespace KukaPortal.Core.Validation;

/// <summary>The report's JSON for the API and <c>kukaportal inspect --json</c>: camelCase names, enums as camelCase strings.</summary>
public static class RecordingReportJson
{
    /// <summary>Web defaults (camelCase, case-insensitive reading), indented.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize(RecordingReport report) => JsonSerializer.Serialize(report, Options);

    public static string Serialize(IEnumerable<RecordingReport> reports) => JsonSerializer.Serialize(reports, Options);

    public static RecordingReport Deserialize(string json) =>
        JsonSerializer.Deserialize<RecordingReport>(json, Options) ?? throw new JsonException("The JSON holds no report.");
}
