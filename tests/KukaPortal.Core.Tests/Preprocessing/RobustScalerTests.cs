using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class RobustScalerTests
{
    [Fact]
    public void Centres_on_the_median_and_divides_by_the_interquartile_range()
    {
        // sorted [1, 2, 3, 4, 10], quantile q at position q·(n−1) = q·4:
        // median at 2 → 3; Q1 at 1 → 2; Q3 at 3 → 4; IQR = 2. The outlier 10 moves none of them.
        var scaler = RobustScaler.Fit(new TimeSeries(["a"], [10, 3, 1, 4, 2]));

        scaler.Medians[0].ShouldBe(3);
        scaler.Scales[0].ShouldBe(2);
        // (1 − 3)/2 = −1, (10 − 3)/2 = 3.5
        scaler.Transform(new TimeSeries(["a"], [1, 10])).Values.ShouldBe([-1f, 3.5f]);
    }

    [Fact]
    public void Interpolates_quartiles_between_order_statistics()
    {
        // [1, 2, 3, 4]: Q1 at 0.25·3 = 0.75 → 1 + 0.75·(2 − 1) = 1.75; Q3 at 2.25 → 3 + 0.25·(4 − 3) = 3.25;
        // IQR = 1.5; median at 1.5 → 2.5. So 4 ↦ (4 − 2.5)/1.5 = 1 and 100 ↦ 97.5/1.5 = 65 (linear extrapolation).
        var scaler = RobustScaler.Fit(new TimeSeries(["a"], [1, 2, 3, 4]));

        scaler.Scales[0].ShouldBe(1.5);
        scaler.Transform(new TimeSeries(["a"], [4, 100])).Values.ShouldBe([1f, 65f]);
    }

    [Fact]
    public void A_channel_mostly_at_one_value_is_scaled_by_its_full_range()
    {
        // [0, 0, 0, 0, 0, 5]: Q1 (position 1.25) and Q3 (3.75) are both 0, so the IQR is 0;
        // the full range 5 is used instead, and the rare excursion to 5 maps to (5 − 0)/5 = 1.
        var scaler = RobustScaler.Fit(new TimeSeries(["flag"], [0, 0, 0, 0, 0, 5]));

        scaler.Scales[0].ShouldBe(5);
        scaler.Transform(new TimeSeries(["flag"], [0, 5])).Values.ShouldBe([0f, 1f]);
    }

    [Fact]
    public void A_constant_channel_maps_to_zero()
    {
        var scaler = RobustScaler.Fit(new TimeSeries(["a"], [2, 2, 2]));

        scaler.Transform(new TimeSeries(["a"], [2, 50])).Values.ShouldBe([0f, 0f]);
    }

    [Fact]
    public void Inverse_undoes_the_transform()
    {
        var scaler = RobustScaler.Fit(new TimeSeries(["a"], [10, 3, 1, 4, 2]));

        // y·IQR + median: −1·2 + 3 = 1; 3.5·2 + 3 = 10
        scaler.InverseTransform(new TimeSeries(["a"], [-1f, 3.5f])).Values.ShouldBe([1f, 10f]);
    }
}
