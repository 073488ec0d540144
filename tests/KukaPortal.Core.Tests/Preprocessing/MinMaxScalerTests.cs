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

    [Fact]
    public void Inverse_maps_zero_one_back_to_the_fitted_range()
    {
        // a: min 2, range 4 → 0.25 ↦ 2 + 0.25·4 = 3; b: constant 5 comes back as 5 whatever the input.
        var scaler = new MinMaxScaler([2f, 5f], [6f, 5f]);

        scaler.InverseTransform(new TimeSeries(["a", "b"], [0.25f, 0f, 1.5f, 0.7f])).Values.ShouldBe([3f, 5f, 8f, 5f]);
    }

    [Fact]
    public void Its_state_uses_the_names_of_the_first_artifacts()
    {
        var state = new MinMaxScaler([1f], [2f]).ToState();

        state.Kind.ShouldBe(ScalerKind.MinMax);
        state.Parameters["minimums"].ShouldBe([1.0]);
        state.Parameters["maximums"].ShouldBe([2.0]);
    }
}
