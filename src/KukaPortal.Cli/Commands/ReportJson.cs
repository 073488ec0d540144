using System.Text.Json;
using System.Text.Json.Serialization;

namespace KukaPortal.Cli.Commands;

/// <summary>How the verbs write their JSON reports (evaluate --json, experiment …): indented camelCase.</summary>
internal static class ReportJson
{
    /// <summary>A degenerate curve or a rate over no samples can leave a NaN; it is written rather than failing the whole report.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
