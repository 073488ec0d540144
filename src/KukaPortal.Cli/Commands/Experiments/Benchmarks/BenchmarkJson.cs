using System.Text.Json;
using System.Text.Json.Serialization;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

internal static class BenchmarkJson
{
    /// <summary>Indented camelCase; NaN (a rate over no samples) is written rather than failing the report.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
