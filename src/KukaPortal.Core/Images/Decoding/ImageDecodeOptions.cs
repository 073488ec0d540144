namespace KukaPortal.Core.Images;

/// <summary>What a decoded image is turned into: S×S, grey or RGB, fitted by <see cref="Fit"/>.</summary>
public sealed record ImageDecodeOptions
{
    /// <summary>The side S of the square the models read.</summary>
    public int Size { get; init; } = 128;

    /// <summary>1 for grey (RGB converted by luminance) or 3 for RGB.</summary>
    public int Channels { get; init; } = 3;

    public ImageFit Fit { get; init; } = ImageFit.Pad;

    /// <summary>
    /// Largest width × height an image may declare. Checked on the header before any pixel is decoded:
    /// a 100-byte PNG can declare 50 000 × 50 000 pixels (10 GB once decoded). 100 MP covers industrial cameras.
    /// </summary>
    public long MaxPixels { get; init; } = 100_000_000;

    public static ImageDecodeOptions Default { get; } = new();

    internal void Validate()
    {
        if (Size is < 1 or > 2048)
            throw new ArgumentOutOfRangeException(nameof(Size), Size, "The image size must be between 1 and 2048 pixels.");
        if (Channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "An image has 1 (grey) or 3 (RGB) channels.");
        if (!Enum.IsDefined(Fit))
            throw new ArgumentOutOfRangeException(nameof(Fit), Fit, "Unknown fit mode.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPixels, 1);
    }
}
