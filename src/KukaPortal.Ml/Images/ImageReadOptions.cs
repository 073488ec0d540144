using KukaPortal.Core.Images;

namespace KukaPortal.Ml.Images;

/// <summary>
/// How to read pictures for a detector: at its size, colour planes and fitting, exactly as its training
/// images were read. The CLI and the portal both read through these, so a score never depends on who asked.
/// </summary>
public static class ImageReadOptions
{
    public static ImageDecodeOptions ForDecoding(ImageDetectorSettings settings) =>
        new() { Size = settings.Size, Channels = settings.Channels, Fit = settings.Fit };

    /// <summary>A flat set (no MVTec folders) is read as <paramref name="flatRole"/>.</summary>
    public static ImageSetReadOptions ForSet(ImageDetectorSettings settings, ImageRole flatRole) =>
        new() { Size = settings.Size, Channels = settings.Channels, Fit = settings.Fit, FlatRole = flatRole };
}
