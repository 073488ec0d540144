namespace KukaPortal.Core.Images;

/// <summary>
/// Input | reconstruction | heatmap over the input | ground-truth mask, side by side in one RGB image with a thin
/// separator: what an engineer wants to flip through after scoring a set. The mask panel is left out when there is none.
/// </summary>
public static class InspectionStrip
{
    private const int Gap = 2;
    private const float GapShade = 1f;

    public static PlanarImage Compose(IReadOnlyList<PlanarImage> panels)
    {
        if (panels.Count == 0)
            throw new ArgumentException("A strip needs at least one panel.", nameof(panels));
        var (height, width) = (panels[0].Height, panels[0].Width);
        if (panels.Any(p => p.Height != height || p.Width != width))
            throw new ArgumentException("Every panel of a strip must have the same size.", nameof(panels));

        var stripWidth = panels.Count * width + (panels.Count - 1) * Gap;
        var plane = stripWidth * height;
        var pixels = new float[3 * plane];
        Array.Fill(pixels, GapShade);
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var left = p * (width + Gap);
            for (var c = 0; c < 3; c++)
            {
                // A grey panel repeats its one channel in red, green and blue.
                var source = panel.Channels == 1 ? 0 : c;
                for (var y = 0; y < height; y++)
                    Array.Copy(panel.Pixels, (source * height + y) * width, pixels, c * plane + y * stripWidth + left, width);
            }
        }
        return new PlanarImage(3, height, stripWidth, pixels);
    }
}
