namespace KukaPortal.Core.Windowing;

/// <summary>
/// Windows of several recordings (or parts of recordings) laid end to end in one series: each segment is
/// sliced on its own, so no window spans the join between two segments, whose rows were never adjacent
/// in time. Spans are numbered in order and their rows are positions in the concatenated series.
/// </summary>
public static class SegmentWindows
{
    public static IReadOnlyList<WindowSpan> Slice(IReadOnlyList<int> segmentRows, int window, int stride)
    {
        ArgumentNullException.ThrowIfNull(segmentRows);
        var spans = new List<WindowSpan>();
        var offset = 0;
        foreach (var rows in segmentRows)
        {
            foreach (var span in WindowSlicer.Slice(rows, window, stride))
                spans.Add(new WindowSpan(spans.Count, offset + span.StartRow, span.Length));
            offset += rows;
        }
        return spans;
    }
}
