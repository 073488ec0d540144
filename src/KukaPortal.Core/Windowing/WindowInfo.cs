using KukaPortal.Core.Series;

namespace KukaPortal.Core.Windowing;

/// <summary>
/// Where a window lies in its recording, in rows and in time: what a stored window score needs to
/// be drawn on a chart and traced back to the samples. <see cref="EndTime"/> is the time of the
/// window's last sample (row <c>EndRow − 1</c>), since row <c>EndRow</c> may not exist.
/// <see cref="IsAnomalous"/> is null when the recording has no labels.
/// </summary>
public readonly record struct WindowInfo(int Index, int StartRow, int EndRow, double StartTime, double EndTime, bool? IsAnomalous)
{
    /// <param name="fallbackPeriodSeconds">Sampling period for recordings without timestamps (see <see cref="TimeSeries.TimeOf"/>).</param>
    public static IReadOnlyList<WindowInfo> Describe(TimeSeries series, IReadOnlyList<WindowSpan> spans, double fallbackPeriodSeconds = 1.0)
    {
        var labels = series.Labels is null ? null : WindowLabels.Of(series, spans);
        var infos = new WindowInfo[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            infos[i] = new WindowInfo(span.Index, span.StartRow, span.EndRow,
                span.StartTime(series, fallbackPeriodSeconds), span.EndTime(series, fallbackPeriodSeconds), labels?[i]);
        }
        return infos;
    }
}
