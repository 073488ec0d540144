using KukaPortal.Data.Scores;
using KukaPortal.Web.Contributions;

namespace KukaPortal.Web.Tests.Contributions;

public class ContributionHeatmapTests
{
    private static readonly Guid Run = Guid.NewGuid();

    // Three windows (oldest first) of a three-channel model: "b" carries most of the error, then "c", then "a".
    private static RecentContributions Recent(params string[] channels) => new(
        ModelId: 7, channels, Sequences: [10, 11, 12], At: [DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch],
        Shares: [[0.1f, 0.6f, 0.3f], [0.2f, 0.5f, 0.3f], [0.0f, 0.9f, 0.1f]],
        RunIds: [Run, Run, Run], WindowIndexes: [4, 5, 6]);

    [Fact]
    public void Rows_are_channels_ordered_by_total_contribution_with_each_window_as_a_column()
    {
        var heatmap = ContributionHeatmap.From(Recent("a", "b", "c"));

        heatmap.Rows.Select(r => r.Channel).ShouldBe(["b", "c", "a"]);
        heatmap.Rows[0].Shares.ShouldBe([0.6f, 0.5f, 0.9f]);
        heatmap.Rows[0].Total.ShouldBe(2.0, 1e-6);
        heatmap.Windows.Select(w => w.Sequence).ShouldBe([10L, 11L, 12L]);
        heatmap.ChannelCount.ShouldBe(3);
    }

    [Fact]
    public void Top_keeps_the_largest_contributors_and_null_keeps_all()
    {
        ContributionHeatmap.From(Recent("a", "b", "c"), top: 2).Rows.Select(r => r.Channel).ShouldBe(["b", "c"]);
        ContributionHeatmap.From(Recent("a", "b", "c"), top: null).Rows.Count.ShouldBe(3);
    }

    [Fact]
    public void A_clicked_cell_names_its_window_and_series_put_the_largest_contributor_on_top()
    {
        var heatmap = ContributionHeatmap.From(Recent("a", "b", "c"));

        heatmap.WindowAt(2).ShouldBe(new HeatmapWindow(12, Run, 6));
        heatmap.WindowAt(3).ShouldBeNull();
        heatmap.WindowAt(-1).ShouldBeNull();
        // ApexCharts draws the first series at the bottom.
        heatmap.ToSeries().Select(s => (string)s.GetType().GetProperty("name")!.GetValue(s)!).ShouldBe(["a", "c", "b"]);
    }

    [Fact]
    public void Unnamed_channels_are_numbered_and_no_data_is_an_empty_map()
    {
        ContributionHeatmap.From(Recent()).Rows.Select(r => r.Channel).ShouldBe(["channel 2", "channel 3", "channel 1"]);
        ContributionHeatmap.From(null).ShouldBe(ContributionHeatmap.Empty);
    }
}
