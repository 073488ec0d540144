using KukaPortal.Core.Series;

namespace KukaPortal.Core.Windowing;

/// <summary>
/// Copies a window out of a row-major series into the channels-first layout [channel, time] that
/// 1-D convolutions expect, so a batch of windows is one contiguous [batch, channels, window] block.
/// </summary>
public static class WindowCopier
{
    public static void CopyChannelsFirst(TimeSeries series, WindowSpan span, Span<float> destination)
    {
        var channels = series.ChannelCount;
        if (destination.Length < channels * span.Length)
            throw new ArgumentException($"Destination holds {destination.Length} values; the window needs {channels * span.Length}.");
        if (span.StartRow < 0 || span.EndRow > series.Rows)
            throw new ArgumentOutOfRangeException(nameof(span), $"Rows {span.StartRow}..{span.EndRow} lie outside a series of {series.Rows} rows.");

        var values = series.Values;
        for (var t = 0; t < span.Length; t++)
        {
            var rowOffset = (span.StartRow + t) * channels;
            for (var c = 0; c < channels; c++)
                destination[c * span.Length + t] = values[rowOffset + c];
        }
    }
}
