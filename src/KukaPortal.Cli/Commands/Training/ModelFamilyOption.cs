using System.CommandLine;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>--model: which detector family to train, by its artifact name.</summary>
internal static class ModelFamilyOption
{
    public static Option<string> Create() => new("--model")
    {
        Description = $"Model family to train. Recordings: {string.Join(", ", ModelFamilyNames.All)}. Image sets: {string.Join(", ", ImageModelFamilyNames.All)}.",
        DefaultValueFactory = _ => ModelFamily.ConvAe.Name(),
    };

    public static ModelFamily Parse(string name) =>
        ModelFamilyNames.TryParse(name, out var family)
            ? family
            : throw CommandFailure.Usage($"Model family '{name}' is unknown; available: {string.Join(", ", ModelFamilyNames.All.Concat(ImageModelFamilyNames.All))}.");

    /// <summary>A comma-separated list such as <c>--models conv-ae,aae</c>, each family once, in the order given.</summary>
    public static IReadOnlyList<ModelFamily> ParseList(string? names) =>
        [.. (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Select(Parse)];
}
