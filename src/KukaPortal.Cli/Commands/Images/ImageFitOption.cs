using System.CommandLine;
using KukaPortal.Core.Images;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>--fit: how images of another aspect are brought to the model's square size.</summary>
internal static class ImageFitOption
{
    private static readonly Dictionary<string, ImageFit> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pad"] = ImageFit.Pad,
        ["stretch"] = ImageFit.Stretch,
        ["crop"] = ImageFit.CenterCrop,
    };

    public static Option<string?> Create() => new("--fit")
    {
        Description = "Image models: how images of another aspect are fitted to the square size: pad (default, keeps the aspect and repeats the edges), stretch, or crop (centre).",
    };

    public static ImageFit Parse(string? name) =>
        name is null ? ImageFit.Pad
        : Names.TryGetValue(name, out var fit) ? fit
        : throw CommandFailure.Usage($"--fit '{name}' is unknown; use {string.Join(", ", Names.Keys)}.");
}
