using KukaPortal.Core.Series;

namespace KukaPortal.Ml.Scoring;

/// <summary>
/// Puts a recording's columns in the model's channel order. A recording with the same channels in another
/// order is reordered; one with missing or unknown channels is refused with the names, because scoring it
/// would silently compare unrelated signals.
/// </summary>
internal static class ChannelAlignment
{
    public static TimeSeries Align(TimeSeries series, IReadOnlyList<string> modelChannels)
    {
        if (series.Channels.SequenceEqual(modelChannels, StringComparer.Ordinal))
            return series;

        var duplicates = series.Channels.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
            throw new ArgumentException($"The recording names channel(s) more than once: {string.Join(", ", duplicates)}.");

        var missing = modelChannels.Except(series.Channels, StringComparer.Ordinal).ToArray();
        var extra = series.Channels.Except(modelChannels, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            throw new ArgumentException(
                $"The recording's channels do not match the model's ({modelChannels.Count} channels). " +
                $"Missing: [{string.Join(", ", missing)}]. Extra: [{string.Join(", ", extra)}].");

        var source = modelChannels.Select(name => IndexOf(series.Channels, name)).ToArray();
        var channels = source.Length;
        var values = new float[series.Values.Length];
        for (var r = 0; r < series.Rows; r++)
        {
            for (var c = 0; c < channels; c++)
                values[r * channels + c] = series.Values[r * channels + source[c]];
        }
        return new TimeSeries(modelChannels, values, series.Timestamps, series.Labels);
    }

    private static int IndexOf(IReadOnlyList<string> channels, string name)
    {
        for (var i = 0; i < channels.Count; i++)
        {
            if (string.Equals(channels[i], name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
