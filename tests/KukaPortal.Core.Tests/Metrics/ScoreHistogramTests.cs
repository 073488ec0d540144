using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class ScoreHistogramTests
{
    [Fact]
    public void Bins_are_equal_in_log10_and_each_score_is_counted_once_by_its_label()
    {
        // Scores 0.01 .. 100 span four decades; four bins put one decade in each.
        var histogram = ScoreHistogram.Of([0.01, 0.02, 0.5, 5, 100], [false, false, false, true, true], bins: 4);

        histogram.Edges.Select(e => Math.Round(Math.Log10(e), 9)).ShouldBe([-2, -1, 0, 1, 2]);
        histogram.Normal.ShouldBe([2, 1, 0, 0]);
        histogram.Anomalous.ShouldBe([0, 0, 1, 1]); // the maximum lands in the last bin
    }

    [Fact]
    public void A_zero_score_goes_into_the_first_bin()
    {
        var histogram = ScoreHistogram.Of([0, 1, 10], [false, false, true], bins: 2);

        histogram.Normal.ShouldBe([2, 0]);
        histogram.Anomalous.ShouldBe([0, 1]);
    }

    [Fact]
    public void Equal_scores_still_get_a_bin_range()
    {
        var histogram = ScoreHistogram.Of([3, 3], [false, true], bins: 5);

        histogram.Normal.Sum().ShouldBe(1);
        histogram.Anomalous.Sum().ShouldBe(1);
        histogram.Edges[0].ShouldBeLessThan(3);
        histogram.Edges[^1].ShouldBeGreaterThan(3);
    }
}
