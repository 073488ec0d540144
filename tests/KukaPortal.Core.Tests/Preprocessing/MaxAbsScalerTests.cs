using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class MaxAbsScalerTests
{
    [Fact]
    public void Divides_by_the_largest_absolute_value_keeping_signs()
    {
        // a: max |x| over [−4, 2, 1] is 4 → −1, 0.5, 0.25; b: max |x| over [1, −3, 0.5] is 3
        var scaler = MaxAbsScaler.Fit(new TimeSeries(["a", "b"], [-4, 1, 2, -3, 1, 0.5f]));

        scaler.MaxAbs.ShouldBe([4.0, 3.0]);
        scaler.Transform(new TimeSeries(["a", "b"], [-4, 1, 2, -3])).Values
            .ShouldBe([-1f, 1f / 3, 0.5f, -1f], 1e-7f);
    }

    [Fact]
    public void Extrapolates_beyond_plus_minus_one()
    {
        var scaler = MaxAbsScaler.Fit(new TimeSeries(["a"], [-4, 2]));

        // 8/4 = 2, −10/4 = −2.5
        scaler.Transform(new TimeSeries(["a"], [8, -10])).Values.ShouldBe([2f, -2.5f]);
    }

    [Fact]
    public void An_all_zero_channel_maps_to_zero()
    {
        var scaler = MaxAbsScaler.Fit(new TimeSeries(["a"], [0, 0]));

        scaler.Transform(new TimeSeries(["a"], [0, 3])).Values.ShouldBe([0f, 0f]);
    }

    [Fact]
    public void Inverse_multiplies_back()
    {
        var scaler = new MaxAbsScaler([4.0]);

        scaler.InverseTransform(new TimeSeries(["a"], [-1f, 0.5f])).Values.ShouldBe([-4f, 2f]);
    }
}
