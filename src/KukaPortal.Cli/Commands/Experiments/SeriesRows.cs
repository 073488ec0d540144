using KukaPortal.Core.Series;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>A block of a recording's rows as a series of its own, for training on it or scoring its windows.</summary>
internal static class SeriesRows
{
    public static TimeSeries Of(TimeSeries series, RowRange range)
    {
        var c = series.ChannelCount;
        return new TimeSeries(series.Channels, series.Values[(range.Start * c)..(range.End * c)],
            series.Timestamps?[range.Start..range.End], series.Labels?[range.Start..range.End]);
    }
}
