using KukaPortal.Ml.Models;

namespace KukaPortal.Ml.Images;

/// <summary>The stable names of <see cref="ImageModelFamily"/>, as written in image artifacts and typed after <c>--model</c>.</summary>
public static class ImageModelFamilyNames
{
    public static IReadOnlyList<string> All => StableEnumNames<ImageModelFamily>.All;

    public static string Name(this ImageModelFamily family) => StableEnumNames<ImageModelFamily>.Of(family);

    public static bool TryParse(string? name, out ImageModelFamily family) => StableEnumNames<ImageModelFamily>.TryParse(name, out family);
}
