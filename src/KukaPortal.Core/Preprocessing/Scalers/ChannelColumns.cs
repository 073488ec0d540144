using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>Per-channel views of a row-major series that the fitting code of several scalers shares.</summary>
internal static class ChannelColumns
{
    /// <summary>The finite values of one channel; fitting ignores NaN and ±Infinity.</summary>
    public static double[] Finite(TimeSeries series, int channel)
    {
        var values = series.Values;
        var channels = series.ChannelCount;
        var result = new List<double>(series.Rows);
        for (var i = channel; i < values.Length; i += channels)
            if (float.IsFinite(values[i])) result.Add(values[i]);
        if (result.Count == 0)
            throw new InvalidOperationException($"Channel '{series.Channels[channel]}' has no finite value to fit a scaler on.");
        return [.. result];
    }

    public static double[] FiniteSorted(TimeSeries series, int channel)
    {
        var values = Finite(series, channel);
        Array.Sort(values);
        return values;
    }

    /// <summary>
    /// The q-quantile of sorted values with linear interpolation between order statistics (position
    /// q·(n−1), numpy's default and <see cref="Thresholds.Quantile"/>'s rule).
    /// </summary>
    public static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /// <summary>Population mean and standard deviation (ddof 0, as sklearn), two-pass for accuracy.</summary>
    public static (double Mean, double StandardDeviation) MeanAndDeviation(IReadOnlyList<double> values)
    {
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Count;
        var squares = 0.0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return (mean, Math.Sqrt(squares / values.Count));
    }
}
