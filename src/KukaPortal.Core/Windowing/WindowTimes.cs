using KukaPortal.Core.Series;

namespace KukaPortal.Core.Windowing;

/// <summary>A window's start and end in seconds, read from its series' timestamps (or row × period without them).</summary>
public static class WindowTimes
{
    public static double StartTime(this WindowSpan span, TimeSeries series, double fallbackPeriodSeconds = 1.0)
    {
        CheckInside(span, series);
        return series.TimeOf(span.StartRow, fallbackPeriodSeconds);
    }

    /// <summary>The time of the window's last sample.</summary>
    public static double EndTime(this WindowSpan span, TimeSeries series, double fallbackPeriodSeconds = 1.0)
    {
        CheckInside(span, series);
        return series.TimeOf(span.EndRow - 1, fallbackPeriodSeconds);
    }

    internal static void CheckInside(WindowSpan span, TimeSeries series)
    {
        if (span.Length < 1 || span.StartRow < 0 || span.EndRow > series.Rows)
            throw new ArgumentOutOfRangeException(nameof(span), $"Rows {span.StartRow}..{span.EndRow} lie outside a series of {series.Rows} rows.");
    }
}
