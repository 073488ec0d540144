namespace KukaPortal.Core.Images;

/// <summary>
/// RGB → grey as ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B), the weights PIL and OpenCV use, so a grey
/// set made here matches one made in Python. The weights sum to exactly 1, so a grey RGB pixel keeps its value.
/// </summary>
public static class Luminance
{
    /// <summary>Of 8-bit values, in [0, 1]; integer arithmetic keeps grey pixels exact.</summary>
    public static float Of(byte red, byte green, byte blue) => (299 * red + 587 * green + 114 * blue) / (1000f * 255f);

    /// <summary>Of values in [0, 1].</summary>
    public static float Of(float red, float green, float blue) => 0.299f * red + 0.587f * green + 0.114f * blue;

    /// <summary>A one-channel copy of an RGB image (a grey image is returned as it is).</summary>
    public static PlanarImage ToGrey(PlanarImage image)
    {
        if (image.Channels == 1) return image;
        var plane = image.Height * image.Width;
        var grey = new float[plane];
        var p = image.Pixels;
        for (var i = 0; i < plane; i++) grey[i] = Of(p[i], p[plane + i], p[2 * plane + i]);
        return new PlanarImage(1, image.Height, image.Width, grey);
    }
}
