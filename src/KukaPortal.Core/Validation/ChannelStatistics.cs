using KukaPortal.Core.Series;

namespace KukaPortal.Core.Validation;

/// <summary>Counts and ranges of every channel in one pass over the row-major values.</summary>
internal static class ChannelStatistics
{
    public static ChannelReport[] Compute(TimeSeries series)
    {
        var channels = series.ChannelCount;
        var missing = new int[channels];
        var infinite = new int[channels];
        var firstBad = new long?[channels];
        var finite = new int[channels];
        var min = new double[channels];
        var max = new double[channels];
        var sum = new double[channels];
        var varies = new bool[channels];
        var values = series.Values;

        for (var row = 0; row < series.Rows; row++)
        {
            var offset = row * channels;
            for (var c = 0; c < channels; c++)
            {
                var v = values[offset + c];
                if (!float.IsFinite(v))
                {
                    if (float.IsNaN(v)) missing[c]++;
                    else infinite[c]++;
                    firstBad[c] ??= row + 1;
                }
                else if (finite[c]++ == 0)
                {
                    (min[c], max[c], sum[c]) = (v, v, v);
                }
                else
                {
                    varies[c] |= v != min[c] || v != max[c];
                    min[c] = Math.Min(min[c], v);
                    max[c] = Math.Max(max[c], v);
                    sum[c] += v;
                }
            }
        }

        return Enumerable.Range(0, channels).Select(c => finite[c] == 0
                ? new ChannelReport(series.Channels[c], missing[c], infinite[c], firstBad[c], null, null, null, false)
                : new ChannelReport(series.Channels[c], missing[c], infinite[c], firstBad[c], min[c], max[c], sum[c] / finite[c], !varies[c]))
            .ToArray();
    }
}
