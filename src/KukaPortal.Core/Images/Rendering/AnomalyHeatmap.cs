namespace KukaPortal.Core.Images;

/// <summary>
/// Paints an anomaly map over its image for people to look at: the image in grey, and where the map is high a
/// transparent-to-opaque ramp from blue through yellow to red. The map is scaled by a fixed reference (the detector's
/// typical map value on normal images), never by the image's own maximum — per-image scaling would paint every
/// good part as if it had a defect somewhere.
/// </summary>
public static class AnomalyHeatmap
{
    /// <param name="image">The input, grey or RGB.</param>
    /// <param name="map">Row-major [H·W], larger = more anomalous.</param>
    /// <param name="saturation">The map value shown fully red; values at or below a fifth of it are not painted.</param>
    public static PlanarImage Overlay(PlanarImage image, float[] map, float saturation)
    {
        var plane = image.Width * image.Height;
        if (map.Length != plane)
            throw new ArgumentException($"The map holds {map.Length} values; a {image.Width}×{image.Height} image needs {plane}.", nameof(map));
        if (!(saturation > 0) || !float.IsFinite(saturation))
            throw new ArgumentOutOfRangeException(nameof(saturation), saturation, "The saturation value must be a positive number.");

        var pixels = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            var grey = image.Channels == 1 ? image.Pixels[i] : Luminance(image.Pixels, i, plane);
            var level = Math.Clamp(map[i] / saturation, 0f, 1f);
            // Below a fifth of saturation leave the part as it is, so the eye goes only where the model objects.
            var alpha = Math.Clamp((level - 0.2f) / 0.8f, 0f, 1f) * 0.75f;
            var (r, g, b) = Ramp(level);
            pixels[i] = grey + alpha * (r - grey);
            pixels[plane + i] = grey + alpha * (g - grey);
            pixels[2 * plane + i] = grey + alpha * (b - grey);
        }
        return new PlanarImage(3, image.Height, image.Width, pixels);
    }

    /// <summary>Blue (low) → yellow → red (high).</summary>
    private static (float R, float G, float B) Ramp(float level) => level < 0.5f
        ? (2 * level, 2 * level, 1 - 2 * level)
        : (1f, 2 - 2 * level, 0f);

    private static float Luminance(float[] rgb, int i, int plane) => 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
}
