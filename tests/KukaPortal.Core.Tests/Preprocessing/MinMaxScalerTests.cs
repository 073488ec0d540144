using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class MinMaxScalerTests
{
    [Fact]
    public void Maps_the_fitted_range_of_each_channel_to_zero_one()
    {
        // channel a: 2..6, channel b: -1..1
        var normal = new TimeSeries(["a", "b"], [2, -1, 4, 0, 6, 1]);

        var scaled = MinMaxScaler.Fit(normal).Transform(normal);

        scaled.Values.ShouldBe([0f, 0f, 0.5f, 0.5f, 1f, 1f]);
    }

    [Fact]
    public void Values_outside_the_fitted_range_stay_outside_zero_one()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [0, 10]));

        scaler.Transform(new TimeSeries(["a"], [-5, 20])).Values.ShouldBe([-0.5f, 2f]);
    }

    [Fact]
    public void A_constant_channel_maps_to_zero_instead_of_dividing_by_zero()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [3, 3, 3]));

        scaler.Transform(new TimeSeries(["a"], [3, 4])).Values.ShouldBe([0f, 0f]);
    }

    [Fact]
    public void Ignores_non_finite_values_when_fitting()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [1, float.NaN, 3, float.PositiveInfinity]));

        scaler.Minimums.ShouldBe([1f]);
        scaler.Maximums.ShouldBe([3f]);
    }

    [Fact]
    public void Refuses_a_series_with_another_channel_count()
    {
        var scaler = MinMaxScaler.Fit(new TimeSeries(["a"], [1, 2]));

        Should.Throw<ArgumentException>(() => scaler.Transform(new TimeSeries(["a", "b"], [1, 2])));
    }
}
