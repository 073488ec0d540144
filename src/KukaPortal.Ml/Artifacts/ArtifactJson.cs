using System.Text.Json;
using System.Text.Json.Serialization;

namespace KukaPortal.Ml.Artifacts;

internal static class ArtifactJson
{
    /// <summary>camelCase, indented (the file is read by people too); floats round-trip exactly.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
