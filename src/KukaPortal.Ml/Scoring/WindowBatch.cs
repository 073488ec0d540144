using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Scoring;

/// <summary>Builds the [batch, channels, window] tensor of a set of windows of a (scaled) series.</summary>
internal static class WindowBatch
{
    public static Tensor ToTensor(TimeSeries series, IReadOnlyList<WindowSpan> spans, Device device)
    {
        var window = spans[0].Length;
        var perWindow = series.ChannelCount * window;
        var values = new float[spans.Count * perWindow];
        for (var i = 0; i < spans.Count; i++)
            WindowCopier.CopyChannelsFirst(series, spans[i], values.AsSpan(i * perWindow, perWindow));
        return torch.tensor(values, [spans.Count, series.ChannelCount, window], device: device);
    }

    public static Tensor ToTensor(TimeSeries series, IReadOnlyList<int> indices, IReadOnlyList<WindowSpan> spans, Device device) =>
        ToTensor(series, indices.Select(i => spans[i]).ToArray(), device);
}
