using KukaPortal.Core.Series;

namespace KukaPortal.Core.Validation;

/// <summary>The repairs behind <see cref="MissingValuePolicy"/>. A value is missing when it is NaN or infinite.</summary>
public static class MissingValues
{
    /// <summary>
    /// Fills each gap linearly between the finite values on either side in the same channel, by row
    /// (rows are taken as evenly spaced); a leading or trailing gap takes the nearest finite value.
    /// A channel with no finite value at all is left as it is.
    /// </summary>
    public static TimeSeries Interpolate(TimeSeries series)
    {
        var values = (float[])series.Values.Clone();
        var channels = series.ChannelCount;
        for (var c = 0; c < channels; c++)
        {
            var previous = -1;
            for (var row = 0; row < series.Rows; row++)
            {
                var current = values[row * channels + c];
                if (!float.IsFinite(current)) continue;
                if (previous < 0)
                {
                    for (var gap = 0; gap < row; gap++) values[gap * channels + c] = current;
                }
                else if (row - previous > 1)
                {
                    var start = values[previous * channels + c];
                    for (var gap = previous + 1; gap < row; gap++)
                        values[gap * channels + c] = (float)(start + (current - (double)start) * (gap - previous) / (row - previous));
                }
                previous = row;
            }
            if (previous >= 0)
            {
                for (var gap = previous + 1; gap < series.Rows; gap++) values[gap * channels + c] = values[previous * channels + c];
            }
        }
        return series.WithValues(values);
    }

    /// <summary>Leaves out every row with a missing value in any channel, with its timestamp and label.</summary>
    public static TimeSeries DropRows(TimeSeries series)
    {
        var channels = series.ChannelCount;
        var kept = Enumerable.Range(0, series.Rows).Where(row => IsComplete(series, row)).ToArray();
        var values = new float[kept.Length * channels];
        for (var i = 0; i < kept.Length; i++)
            series.Values.AsSpan(kept[i] * channels, channels).CopyTo(values.AsSpan(i * channels));
        return new TimeSeries(series.Channels, values,
            series.Timestamps is { } t ? kept.Select(row => t[row]).ToArray() : null,
            series.Labels is { } l ? kept.Select(row => l[row]).ToArray() : null);
    }

    /// <summary>Whether every channel of <paramref name="row"/> (0-based) holds a finite value.</summary>
    public static bool IsComplete(TimeSeries series, int row)
    {
        foreach (var value in series.Values.AsSpan(row * series.ChannelCount, series.ChannelCount))
            if (!float.IsFinite(value)) return false;
        return true;
    }
}
