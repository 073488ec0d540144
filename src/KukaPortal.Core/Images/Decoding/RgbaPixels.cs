namespace KukaPortal.Core.Images;

/// <summary>A decoded file at its own size, 8-bit RGBA (alpha not premultiplied and ignored), row by row.</summary>
internal sealed record RgbaPixels(byte[] Rgba, int Width, int Height)
{
    /// <summary>Marks <see cref="ReadRow"/>'s channel argument as "luminance of R, G and B".</summary>
    public const int LuminanceChannel = -1;

    /// <summary>One row of one channel (0 red, 1 green, 2 blue, or <see cref="LuminanceChannel"/>) as values in [0, 1].</summary>
    public void ReadRow(int y, int channel, Span<float> row)
    {
        var start = y * Width * 4;
        for (var x = 0; x < Width; x++)
        {
            var i = start + 4 * x;
            row[x] = channel == LuminanceChannel ? Luminance.Of(Rgba[i], Rgba[i + 1], Rgba[i + 2]) : Rgba[i + channel] / 255f;
        }
    }
}
