using KukaPortal.Core.Series;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// The Data page's preview of a recording: the chosen channels against time, each thinned on the server to at
/// most <see cref="MaxPointsPerChannel"/> points by min/max buckets (spikes stay), so a million-row recording
/// sends a few thousand points to the browser.
/// </summary>
public static class RecordingPreviewChart
{
    public const int MaxPointsPerChannel = 2000;
    public const int DefaultChannels = 3;

    public static object Options(TimeSeries series, IEnumerable<string> channels)
    {
        var picked = channels.Select(name => (Name: name, Index: IndexOf(series, name))).Where(c => c.Index >= 0).ToList();
        return new
        {
            chart = new { type = "line", height = 360, zoom = new { enabled = true } },
            series = picked.Select(c => new
            {
                name = c.Name,
                data = MinMaxDownsampler.Channel(series, c.Index, MaxPointsPerChannel).Select(p => new[] { Math.Round(p.X, 6), p.Y }),
            }),
            stroke = new { width = 1 },
            xaxis = new { type = "numeric", title = new { text = series.Timestamps is null ? "row" : "seconds" }, labels = new { formatter = "number" } },
            yaxis = new { labels = new { formatter = "number" } },
            legend = new { position = "top" },
        };
    }

    private static int IndexOf(TimeSeries series, string name)
    {
        for (var i = 0; i < series.ChannelCount; i++)
            if (series.Channels[i] == name) return i;
        return -1;
    }
}
