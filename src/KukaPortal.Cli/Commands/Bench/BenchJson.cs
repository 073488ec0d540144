using System.Text.Json;
using System.Text.Json.Serialization;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>A report as JSON (camelCase, like the portal's API), for scripts that track results over time.</summary>
public static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(BenchReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Any suite's own report record, with the same options.</summary>
    public static string Serialize<TReport>(TReport report) => JsonSerializer.Serialize(report, Options);
}
