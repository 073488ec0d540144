using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class CurveSamplingTests
{
    [Fact]
    public void A_long_curve_keeps_its_ends_and_at_most_the_asked_number_of_points()
    {
        var points = Enumerable.Range(0, 1000).ToArray();

        var thinned = CurveSampling.Downsample(points, 200);

        thinned.Count.ShouldBe(200);
        thinned[0].ShouldBe(0);
        thinned[^1].ShouldBe(999);
        thinned.ShouldBe(thinned.Order().Distinct());
    }

    [Fact]
    public void A_short_curve_is_kept_whole()
    {
        CurveSampling.Downsample([1, 2, 3], 200).ShouldBe([1, 2, 3]);
    }
}
