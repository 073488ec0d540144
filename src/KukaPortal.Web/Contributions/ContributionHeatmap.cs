using KukaPortal.Data.Scores;

namespace KukaPortal.Web.Contributions;

/// <summary>One column of the heat map: a window, named so that a click can open its reconstruction.</summary>
public sealed record HeatmapWindow(long Sequence, Guid RunId, int WindowIndex);

/// <summary>One row of the heat map: a channel, its share of each window's error (oldest window first), and their sum.</summary>
public sealed record HeatmapRow(string Channel, float[] Shares, double Total);

/// <summary>Channels × recent windows, rows ordered by total contribution (largest first).</summary>
public sealed record ContributionHeatmap(IReadOnlyList<HeatmapWindow> Windows, IReadOnlyList<HeatmapRow> Rows, int ChannelCount)
{
    public const int DefaultTopChannels = 20;

    public static ContributionHeatmap Empty { get; } = new([], [], 0);

    /// <summary>
    /// Shapes the reader's windows × channels shares into channel rows. With <paramref name="top"/> only the
    /// channels that carried most of the recent error are kept: on an 86-channel robot the rest is noise.
    /// Channels the model never named are called "channel N" (1-based) rather than dropped.
    /// </summary>
    public static ContributionHeatmap From(RecentContributions? recent, int? top = DefaultTopChannels)
    {
        if (recent is null || recent.Shares.Length == 0) return Empty;
        var channelCount = recent.Shares.Max(s => s.Length);
        var rows = new List<HeatmapRow>(channelCount);
        for (var c = 0; c < channelCount; c++)
        {
            var shares = recent.Shares.Select(w => c < w.Length ? w[c] : 0f).ToArray();
            var name = c < recent.Channels.Count ? recent.Channels[c] : $"channel {c + 1}";
            rows.Add(new HeatmapRow(name, shares, shares.Sum(s => (double)s)));
        }
        // Ties keep the model's channel order, so the map does not reshuffle between refreshes.
        var ordered = rows.OrderByDescending(r => r.Total).ToList();
        if (top is { } n) ordered = ordered.Take(n).ToList();
        var windows = recent.Sequences.Select((s, w) => new HeatmapWindow(s, recent.RunIds[w], recent.WindowIndexes[w])).ToList();
        return new ContributionHeatmap(windows, ordered, channelCount);
    }

    /// <summary>
    /// ApexCharts heat map series: ApexCharts draws the first series at the bottom, so the largest contributor
    /// goes last to end up on top. Cell y is a percentage.
    /// </summary>
    public IReadOnlyList<object> ToSeries() =>
        Rows.Reverse().Select(r => (object)new
        {
            name = r.Channel,
            data = r.Shares.Select((s, w) => new { x = $"#{Windows[w].Sequence}", y = Math.Round(s * 100.0, 1) }).ToArray(),
        }).ToList();

    /// <summary>The window of a clicked cell (ApexCharts gives the point index within the series).</summary>
    public HeatmapWindow? WindowAt(int point) => point >= 0 && point < Windows.Count ? Windows[point] : null;
}
