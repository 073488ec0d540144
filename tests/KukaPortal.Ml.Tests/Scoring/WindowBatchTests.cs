using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Scoring;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Scoring;

/// <summary>
/// A batch tensor holds each window channels-first, exactly as <see cref="WindowCopier"/> lays one out, whether the
/// windows start at an even stride (read in place from the series and unfolded by torch) or anywhere (copied).
/// </summary>
public sealed class WindowBatchTests
{
    private const int Channels = 3;
    private const int Window = 4;

    // Every value distinct, so a window taken from the wrong rows or with channels and time swapped shows.
    private static readonly TimeSeries Series = new(["a", "b", "c"], [.. Enumerable.Range(0, 40 * Channels).Select(i => i * 0.5f - 7f)]);

    [Theory]
    [InlineData(0, Window)]     // the scoring default: windows side by side
    [InlineData(5, Window)]     // a resumed job starts part-way through the recording
    [InlineData(2, 1)]          // overlapping windows
    [InlineData(3, 7)]          // windows with rows between them
    public void Evenly_strided_windows_hold_the_same_values_as_window_by_window_copies(int firstRow, int stride)
    {
        var spans = Enumerable.Range(0, 5).Select(i => new WindowSpan(i, firstRow + i * stride, Window)).ToArray();

        Batch(spans).ShouldBe(Expected(spans));
    }

    [Fact]
    public void Windows_at_uneven_starts_hold_their_own_rows()
    {
        WindowSpan[] spans = [new(0, 9, Window), new(1, 0, Window), new(2, 20, Window)];

        Batch(spans).ShouldBe(Expected(spans));
    }

    [Fact]
    public void A_single_window_is_one_batch_of_one()
    {
        WindowSpan[] spans = [new(0, 11, Window)];

        Batch(spans).ShouldBe(Expected(spans));
    }

    [Fact]
    public void Windows_past_the_end_of_the_series_are_refused()
    {
        WindowSpan[] spans = [new(0, 32, Window), new(1, 36, Window), new(2, 40, Window)];

        Should.Throw<ArgumentOutOfRangeException>(() => Batch(spans));
    }

    private static float[] Batch(WindowSpan[] spans)
    {
        using var scope = torch.NewDisposeScope();
        var tensor = WindowBatch.ToTensor(Series, spans, torch.CPU);
        tensor.shape.ShouldBe([spans.Length, Channels, Window]);
        return tensor.data<float>().ToArray();
    }

    private static float[] Expected(WindowSpan[] spans)
    {
        var values = new float[spans.Length * Channels * Window];
        for (var i = 0; i < spans.Length; i++)
            WindowCopier.CopyChannelsFirst(Series, spans[i], values.AsSpan(i * Channels * Window, Channels * Window));
        return values;
    }
}
