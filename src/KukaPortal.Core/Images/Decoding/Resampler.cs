namespace KukaPortal.Core.Images;

/// <summary>
/// Brings one channel of a decoded file to S×S by a <see cref="FitPlan"/>: a separable resample of the plan's
/// source part onto its content part (rows first, then columns, so a 100 MP file is never held as floats),
/// then the padding. Values are rounded to 8-bit steps (k/255): the files hold 8-bit values, and a stored set
/// (<see cref="ImageSetArchive"/>, uint8) then reads back exactly as it was imported.
/// </summary>
internal static class Resampler
{
    /// <summary>Padding repeats the nearest content pixel, so the border continues the surface instead of adding an edge.</summary>
    public static float[] Image(RgbaPixels source, int channel, FitPlan plan)
    {
        var content = ResampleContent(source, channel, plan);
        for (var i = 0; i < content.Length; i++) content[i] = Quantise(content[i]);
        return Place(content, plan, replicateEdges: true);
    }

    /// <summary>A mask pixel is 1 where at least half of it is covered by defect; padding is never defect.</summary>
    public static float[] Mask(RgbaPixels source, FitPlan plan)
    {
        var content = ResampleContent(source, RgbaPixels.LuminanceChannel, plan);
        for (var i = 0; i < content.Length; i++) content[i] = content[i] >= 0.5f ? 1f : 0f;
        return Place(content, plan, replicateEdges: false);
    }

    private static float Quantise(float value) => MathF.Round(Math.Clamp(value, 0f, 1f) * 255f) / 255f;

    private static float[] ResampleContent(RgbaPixels source, int channel, FitPlan plan)
    {
        var (from, to) = (plan.Source, plan.Content);
        var columns = AxisTaps.For(from.X, from.Width, to.Width);
        var rows = AxisTaps.For(from.Y, from.Height, to.Height);

        // Horizontal pass over only the source rows the vertical pass will use.
        var horizontal = new float[from.Height * to.Width];
        var row = new float[source.Width];
        for (var y = 0; y < from.Height; y++)
        {
            source.ReadRow(from.Y + y, channel, row);
            for (var x = 0; x < to.Width; x++)
            {
                var (indices, weights) = (columns.Indices[x], columns.Weights[x]);
                var sum = 0f;
                for (var t = 0; t < indices.Length; t++) sum += weights[t] * row[indices[t]];
                horizontal[y * to.Width + x] = sum;
            }
        }

        var result = new float[to.Height * to.Width];
        for (var y = 0; y < to.Height; y++)
        {
            var (indices, weights) = (rows.Indices[y], rows.Weights[y]);
            for (var t = 0; t < indices.Length; t++)
            {
                var sourceRow = (indices[t] - from.Y) * to.Width;
                for (var x = 0; x < to.Width; x++) result[y * to.Width + x] += weights[t] * horizontal[sourceRow + x];
            }
        }
        return result;
    }

    private static float[] Place(float[] content, FitPlan plan, bool replicateEdges)
    {
        var size = plan.Size;
        var area = plan.Content;
        var output = new float[size * size];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            if (!replicateEdges && !area.Contains(x, y)) continue;
            var cy = Math.Clamp(y - area.Y, 0, area.Height - 1);
            var cx = Math.Clamp(x - area.X, 0, area.Width - 1);
            output[y * size + x] = content[cy * area.Width + cx];
        }
        return output;
    }
}
