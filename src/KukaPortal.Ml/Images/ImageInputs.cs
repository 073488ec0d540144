using KukaPortal.Core.Images;

namespace KukaPortal.Ml.Images;

/// <summary>The checks training and scoring make on images before any torch work, each naming the offending image.</summary>
internal static class ImageInputs
{
    public static void Check(IReadOnlyList<PlanarImage> images, ImageDetectorSettings settings, string parameter)
    {
        ArgumentNullException.ThrowIfNull(images, parameter);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i] ?? throw new ArgumentException($"Image {i} is null.", parameter);
            if (image.Channels != settings.Channels || image.Height != settings.Size || image.Width != settings.Size)
                throw new ArgumentException(
                    $"Image {i} is {image.Channels}×{image.Height}×{image.Width}; this detector reads {settings.Channels}×{settings.Size}×{settings.Size} " +
                    "(channels × height × width). Decode the images at the detector's size and channels first.", parameter);
            var bad = Array.FindIndex(image.Pixels, v => !float.IsFinite(v));
            if (bad >= 0)
                throw new ArgumentException($"Image {i} has the non-finite value {image.Pixels[bad]} at index {bad}; pixels must be finite.", parameter);
        }
    }
}
