namespace KukaPortal.Core.Windowing;

/// <summary>
/// Cuts a recording of <c>rows</c> samples into full windows of <c>window</c> rows every <c>stride</c> rows.
/// A trailing part shorter than a window is not a window (a model cannot score it); a recording shorter
/// than one window has none.
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

    private static void Validate(int rows, int window, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
    }
}
