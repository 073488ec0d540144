using KukaPortal.Core.Series;

namespace KukaPortal.Core.Windowing;

/// <summary>Window-level ground truth: a window is anomalous if any of its samples is labelled anomalous.</summary>
public static class WindowLabels
{
    public static bool[] Of(TimeSeries series, IReadOnlyList<WindowSpan> spans)
    {
        var labels = series.Labels
            ?? throw new ArgumentException("The series has no labels to derive window labels from.", nameof(series));

        // Prefix counts answer "any anomalous row in [start, end)" in O(1), so heavily overlapping
        // training windows cost no more than disjoint ones.
        var anomalousBefore = new int[labels.Length + 1];
        for (var r = 0; r < labels.Length; r++)
            anomalousBefore[r + 1] = anomalousBefore[r] + (labels[r] ? 1 : 0);

        var result = new bool[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            WindowTimes.CheckInside(spans[i], series);
            result[i] = anomalousBefore[spans[i].EndRow] > anomalousBefore[spans[i].StartRow];
        }
        return result;
    }
}
