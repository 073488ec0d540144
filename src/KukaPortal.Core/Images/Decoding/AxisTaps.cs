namespace KukaPortal.Core.Images;

/// <summary>
/// For each output pixel along one axis, the source pixels it is made of and their weights (summing to 1).
/// Shrinking averages the source pixels each output pixel covers, weighted by overlap (a box filter, so
/// fine texture is averaged rather than aliased); enlarging interpolates linearly between the two nearest
/// source pixel centres. At equal lengths every output pixel is exactly one source pixel.
/// </summary>
internal sealed class AxisTaps
{
    private AxisTaps(int[][] indices, float[][] weights)
    {
        Indices = indices;
        Weights = weights;
    }

    public int[][] Indices { get; }
    public float[][] Weights { get; }

    public static AxisTaps For(int sourceStart, int sourceLength, int outputLength)
    {
        var indices = new int[outputLength][];
        var weights = new float[outputLength][];
        var scale = (double)sourceLength / outputLength;
        for (var i = 0; i < outputLength; i++)
        {
            var (index, weight) = sourceLength > outputLength ? Box(i, scale, sourceLength) : Linear(i, scale, sourceLength);
            indices[i] = Array.ConvertAll(index, s => s + sourceStart);
            weights[i] = weight;
        }
        return new AxisTaps(indices, weights);
    }

    private static (int[], float[]) Box(int i, double scale, int sourceLength)
    {
        var low = i * scale;
        // (i + 1)·scale of the last pixel can round just past the source's end.
        var high = Math.Min((i + 1) * scale, sourceLength);
        var first = (int)Math.Floor(low);
        var last = Math.Min((int)Math.Ceiling(high), sourceLength) - 1;
        var index = new List<int>();
        var weight = new List<float>();
        for (var s = first; s <= last; s++)
        {
            var overlap = Math.Min(high, s + 1) - Math.Max(low, s);
            if (overlap <= 1e-12) continue;
            index.Add(s);
            weight.Add((float)(overlap / scale));
        }
        return (index.ToArray(), weight.ToArray());
    }

    private static (int[], float[]) Linear(int i, double scale, int sourceLength)
    {
        // Pixel centres: output centre i + ½ maps to source position (i + ½)·scale, whose pixel index is that − ½.
        var position = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
        var left = (int)Math.Floor(position);
        var fraction = position - left;
        return fraction < 1e-9 || left + 1 >= sourceLength
            ? ([left], [1f])
            : ([left, left + 1], [(float)(1 - fraction), (float)fraction]);
    }
}
