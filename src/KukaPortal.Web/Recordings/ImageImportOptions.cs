using KukaPortal.Core.Images;

namespace KukaPortal.Web.Recordings;

/// <summary>How an uploaded image set is stored: grey, RGB, or whichever the set is (<see cref="Auto"/>).</summary>
public enum ImageColour { Auto, Grey, Rgb }

/// <summary>
/// The upload options of an image set: the side every image is fitted to (a detector of another size reads the
/// kept original again, see <see cref="ImageSetLoader"/>), the colour planes kept, and how off-square images are fitted.
/// </summary>
public sealed record ImageImportOptions(int Size = 128, ImageColour Colour = ImageColour.Auto, ImageFit Fit = ImageFit.Pad)
{
    public static ImageImportOptions Default { get; } = new();

    /// <summary>The sizes a detector can take (powers of two, 32 … 1024), so a stored set never needs reading again just for its size.</summary>
    public static bool IsValidSize(int size) => size is >= 32 and <= 1024 && int.IsPow2(size);

    /// <summary>Auto reads RGB, and keeps one plane only when every image turns out grey (see <see cref="ImageSetImporter"/>).</summary>
    public ImageSetReadOptions ReadOptions(ImageRole flatRole) => new()
    {
        Size = Size, Channels = Colour == ImageColour.Grey ? 1 : 3, Fit = Fit, FlatRole = flatRole,
    };
}
