namespace KukaPortal.Core.Series;

public readonly record struct ChartPoint(double X, double Y);

/// <summary>
/// Thins a long series down for a chart while keeping its shape: the points are cut into equal buckets and each
/// bucket keeps its lowest and its highest point, in x order. A one-sample spike is therefore always drawn, which
/// averaging or taking every n-th point would lose. At most <c>maxPoints</c> points come back. Pure.
/// </summary>
public static class MinMaxDownsampler
{
    public static IReadOnlyList<ChartPoint> Downsample(int count, Func<int, double> x, Func<int, double> y, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (count <= maxPoints)
            return Enumerable.Range(0, count).Select(i => new ChartPoint(x(i), y(i))).Where(p => double.IsFinite(p.Y)).ToList();

        var buckets = maxPoints / 2;
        var points = new List<ChartPoint>(buckets * 2);
        for (var b = 0; b < buckets; b++)
        {
            var first = (int)((long)b * count / buckets);
            var end = (int)((long)(b + 1) * count / buckets);
            int lowest = -1, highest = -1;
            for (var i = first; i < end; i++)
            {
                var v = y(i);
                if (!double.IsFinite(v)) continue;
                if (lowest < 0 || v < y(lowest)) lowest = i;
                if (highest < 0 || v > y(highest)) highest = i;
            }
            if (lowest < 0) continue;
            var (a, c) = lowest <= highest ? (lowest, highest) : (highest, lowest);
            points.Add(new ChartPoint(x(a), y(a)));
            if (c != a) points.Add(new ChartPoint(x(c), y(c)));
        }
        return points;
    }

    /// <summary>One channel of a recording against its time (its timestamps, or the row index).</summary>
    public static IReadOnlyList<ChartPoint> Channel(TimeSeries series, int channel, int maxPoints) =>
        Downsample(series.Rows, row => series.TimeOf(row), row => series[row, channel], maxPoints);
}
