using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Series;

public sealed class MinMaxDownsamplerTests
{
    [Fact]
    public void A_short_series_comes_back_whole()
    {
        var points = MinMaxDownsampler.Downsample(5, i => i, i => i * 10, maxPoints: 10);

        points.Select(p => p.Y).ShouldBe([0, 10, 20, 30, 40]);
    }

    [Theory]
    [InlineData(1_000_000, 2000)]
    [InlineData(2001, 2000)]
    [InlineData(12_345, 101)]
    public void Never_more_points_than_asked_for(int count, int maxPoints)
    {
        var points = MinMaxDownsampler.Downsample(count, i => i, i => Math.Sin(i * 0.01), maxPoints);

        points.Count.ShouldBeLessThanOrEqualTo(maxPoints);
        points.Count.ShouldBeGreaterThan(maxPoints / 2);
    }

    [Fact]
    public void A_single_sample_spike_and_dip_survive()
    {
        const int count = 100_000;
        double Y(int i) => i == 54_321 ? 99.0 : i == 7_777 ? -42.0 : Math.Sin(i * 0.001);

        var points = MinMaxDownsampler.Downsample(count, i => i, Y, maxPoints: 200);

        points.ShouldContain(new ChartPoint(54_321, 99.0));
        points.ShouldContain(new ChartPoint(7_777, -42.0));
        points.Max(p => p.Y).ShouldBe(99.0);
        points.Min(p => p.Y).ShouldBe(-42.0);
    }

    [Fact]
    public void Points_stay_in_x_order()
    {
        var points = MinMaxDownsampler.Downsample(10_000, i => i * 0.5, i => (i * 7919) % 101, maxPoints: 100);

        points.Select(p => p.X).ShouldBe(points.Select(p => p.X).Order());
    }

    [Fact]
    public void Non_finite_values_are_left_out()
    {
        var points = MinMaxDownsampler.Downsample(4000, i => i, i => i % 2 == 0 ? double.NaN : 1, maxPoints: 100);

        points.ShouldAllBe(p => p.Y == 1);
    }

    [Fact]
    public void A_channel_is_drawn_against_its_timestamps()
    {
        var series = new TimeSeries(["a", "b"], [1, 10, 2, 20, 3, 30], timestamps: [100, 101, 102]);

        var points = MinMaxDownsampler.Channel(series, 1, maxPoints: 10);

        points.ShouldBe([new ChartPoint(100, 10), new ChartPoint(101, 20), new ChartPoint(102, 30)]);
    }
}
