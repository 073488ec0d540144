using System.CommandLine;
using System.Reflection;
using System.Text.Json.Serialization;
using KukaPortal.Core.Preprocessing;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>
/// --scaler: the issue's short names (scikit-learn's <c>power</c> and <c>quantile</c>) and the artifact's own
/// JSON names (<c>yeo-johnson</c>, <c>quantile-normal</c>), so a name read from a .kpm file can be typed back.
/// </summary>
internal static class ScalerOption
{
    private static readonly Dictionary<string, ScalerKind> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["power"] = ScalerKind.YeoJohnson,
        ["quantile"] = ScalerKind.QuantileUniform,
    };

    private static readonly Dictionary<string, ScalerKind> JsonNames = Enum.GetValues<ScalerKind>().ToDictionary(
        k => typeof(ScalerKind).GetField(k.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name,
        k => k,
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Every accepted name, the issue's short ones first.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. new[] { "minmax", "standard", "robust", "maxabs", "power", "quantile" }.Union(JsonNames.Keys, StringComparer.OrdinalIgnoreCase)];

    public static Option<string?> Create() => new("--scaler")
    {
        Description = $"Per-channel scaling fitted on the training rows: {string.Join(", ", Names)} (default minmax, as paper 000).",
    };

    public static ScalerKind Parse(string name) =>
        Aliases.TryGetValue(name, out var kind) || JsonNames.TryGetValue(name, out kind)
            ? kind
            : throw CommandFailure.Usage($"Scaler '{name}' is unknown; available: {string.Join(", ", Names)}.");
}
