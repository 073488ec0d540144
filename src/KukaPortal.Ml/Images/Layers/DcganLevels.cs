namespace KukaPortal.Ml.Images.Layers;

/// <summary>
/// The levels of a DCGAN pyramid: one stride-2 4×4 convolution per halving of the image side down to 4×4, of widths
/// baseWidth, 2·baseWidth, … capped at 8·baseWidth. Every DCGAN-style encoder, decoder and critic here walks these
/// levels (down, or back up), so all of them agree on the shape of the features they exchange.
/// </summary>
internal static class DcganLevels
{
    /// <summary>The width of each level, from the one that reads the image to the one that outputs 4×4.</summary>
    /// <param name="size">The image side: a power of two of at least 32.</param>
    public static int[] Widths(int size, int baseWidth)
    {
        if (size < 32 || !int.IsPow2(size))
            throw new ArgumentOutOfRangeException(nameof(size), size, "The image side must be a power of two of at least 32.");
        ArgumentOutOfRangeException.ThrowIfLessThan(baseWidth, 1);
        var count = int.Log2(size) - 2;
        return Enumerable.Range(0, count).Select(level => baseWidth << Math.Min(level, 3)).ToArray();
    }
}
