using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Scoring;

/// <summary>Builds the [batch, channels, window] tensor of a set of windows of a (scaled) series.</summary>
internal static class WindowBatch
{
    public static Tensor ToTensor(TimeSeries series, IReadOnlyList<WindowSpan> spans, Device device) =>
        EvenStride(spans) is { } stride ? Strided(series, spans, stride, device) : Copied(series, spans, device);

    public static Tensor ToTensor(TimeSeries series, IReadOnlyList<int> indices, IReadOnlyList<WindowSpan> spans, Device device) =>
        ToTensor(series, indices.Select(i => spans[i]).ToArray(), device);

    /// <summary>
    /// Windows that start every <paramref name="stride"/> rows (what the slicer gives a score job) cover one block of
    /// rows. Torch reads that block in place from the series' array and unfolds it into [batch, channels, window];
    /// the one copy is libtorch's contiguous(), native, instead of a transposing copy per value in C# plus a managed
    /// array per batch and torch's copy of it. The values and their layout are the same as <see cref="Copied"/>'s.
    /// </summary>
    private static Tensor Strided(TimeSeries series, IReadOnlyList<WindowSpan> spans, int stride, Device device)
    {
        var window = spans[0].Length;
        var channels = series.ChannelCount;
        var first = spans[0].StartRow;
        var rows = spans[^1].EndRow - first;
        if (first < 0 || spans[^1].EndRow > series.Rows)
            throw new ArgumentOutOfRangeException(nameof(spans), $"Rows {first}..{spans[^1].EndRow} lie outside a series of {series.Rows} rows.");

        // frombuffer pins the array for as long as the view lives; the view dies with the caller's dispose scope,
        // after contiguous() has copied out of it.
        using var block = torch.frombuffer(series.Values, ScalarType.Float32, count: (long)rows * channels, offset: (long)first * channels);
        using var rowsByChannel = block.view(rows, channels);
        using var windows = rowsByChannel.unfold(0, window, stride);
        var batch = windows.contiguous();
        if (device.type == DeviceType.CPU)
            return batch;
        using (batch)
            return batch.to(device);
    }

    private static Tensor Copied(TimeSeries series, IReadOnlyList<WindowSpan> spans, Device device)
    {
        var window = spans[0].Length;
        var perWindow = series.ChannelCount * window;
        var values = new float[spans.Count * perWindow];
        for (var i = 0; i < spans.Count; i++)
            WindowCopier.CopyChannelsFirst(series, spans[i], values.AsSpan(i * perWindow, perWindow));
        return torch.tensor(values, [spans.Count, series.ChannelCount, window], device: device);
    }

    /// <summary>The rows between consecutive window starts when every window has the same length and they all start that far apart.</summary>
    private static int? EvenStride(IReadOnlyList<WindowSpan> spans)
    {
        var stride = spans.Count > 1 ? spans[1].StartRow - spans[0].StartRow : 1;
        if (stride < 1)
            return null;
        for (var i = 1; i < spans.Count; i++)
        {
            if (spans[i].Length != spans[0].Length || spans[i].StartRow - spans[i - 1].StartRow != stride)
                return null;
        }
        return stride;
    }
}
