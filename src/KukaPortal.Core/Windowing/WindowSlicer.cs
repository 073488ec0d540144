using KukaPortal.Core.Series;

namespace KukaPortal.Core.Windowing;

/// <summary>
/// Cuts a recording of <c>rows</c> samples into full windows of <c>window</c> rows every <c>stride</c> rows.
/// A trailing part shorter than a window is not a window (a model cannot score it): it is dropped, and
/// <see cref="UncoveredTail"/> says how many rows that is. A recording shorter than one window has
/// none. A stride larger than the window skips the rows between windows.
/// See <see cref="WindowDefaults"/> for the strides of training and scoring.
/// </summary>
public static class WindowSlicer
{
    public static int Count(int rows, int window, int stride)
    {
        Validate(rows, window, stride);
        return rows < window ? 0 : (rows - window) / stride + 1;
    }

    public static IReadOnlyList<WindowSpan> Slice(int rows, int window, int stride)
    {
        var count = Count(rows, window, stride);
        var spans = new WindowSpan[count];
        for (var i = 0; i < count; i++)
            spans[i] = new WindowSpan(i, i * stride, window);
        return spans;
    }

    /// <summary>Windows of a series; the same as slicing its row count.</summary>
    public static IReadOnlyList<WindowSpan> Slice(TimeSeries series, int window, int stride) =>
        Slice(series.Rows, window, stride);

    /// <summary>How many rows after the last window no window covers (all rows when there is no window).</summary>
    public static int UncoveredTail(int rows, int window, int stride)
    {
        var count = Count(rows, window, stride);
        return count == 0 ? rows : rows - ((count - 1) * stride + window);
    }

    private static void Validate(int rows, int window, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
    }
}
