namespace KukaPortal.Core.Images;

/// <summary>
/// A decoded image at the model's size, as the detectors read it: planar channel × height × width floats in
/// [0, 1] (grey has one channel, RGB three). A ground-truth mask is a one-channel PlanarImage of 0 and 1.
/// Kept free of any imaging library so that Core's readers, the generator and the models share one shape.
/// </summary>
public sealed record PlanarImage
{
    public PlanarImage(int channels, int height, int width, float[] pixels)
    {
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has 1 (grey) or 3 (RGB) channels.");
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (pixels.Length != channels * height * width)
            throw new ArgumentException($"{channels}×{height}×{width} needs {channels * height * width} values, not {pixels.Length}.", nameof(pixels));
        Channels = channels;
        Height = height;
        Width = width;
        Pixels = pixels;
    }

    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }

    /// <summary>Row-major per channel: index = (c · Height + y) · Width + x.</summary>
    public float[] Pixels { get; }
}
