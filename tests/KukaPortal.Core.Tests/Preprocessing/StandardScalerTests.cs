using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class StandardScalerTests
{
    [Fact]
    public void Uses_the_mean_and_population_deviation_of_the_normal_data()
    {
        // [1, 2, 3, 4]: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; σ² = 5/4; σ = 1.1180339887
        var scaler = StandardScaler.Fit(new TimeSeries(["a"], [1, 2, 3, 4]));

        scaler.Means[0].ShouldBe(2.5);
        scaler.StandardDeviations[0].ShouldBe(Math.Sqrt(1.25), 1e-12);
        // (1 − 2.5)/1.118 = −1.3416408, (2 − 2.5)/1.118 = −0.4472136, and mirrored
        scaler.Transform(new TimeSeries(["a"], [1, 2, 3, 4])).Values
            .ShouldBe([-1.3416408f, -0.4472136f, 0.4472136f, 1.3416408f], 1e-6f);
    }

    [Fact]
    public void Extrapolates_linearly_beyond_the_fitted_range()
    {
        var scaler = StandardScaler.Fit(new TimeSeries(["a"], [1, 2, 3, 4]));

        // (6.5 − 2.5)/1.118 = 3.5777088
        scaler.Transform(new TimeSeries(["a"], [6.5f])).Values[0].ShouldBe(3.5777088f, 1e-6f);
    }

    [Fact]
    public void A_channel_with_zero_variance_maps_to_zero()
    {
        var scaler = StandardScaler.Fit(new TimeSeries(["a"], [4, 4, 4]));

        scaler.Transform(new TimeSeries(["a"], [4, 9, -1e30f])).Values.ShouldBe([0f, 0f, 0f]);
        scaler.InverseTransform(new TimeSeries(["a"], [0f, 3f])).Values.ShouldBe([4f, 4f]);
    }

    [Fact]
    public void Inverse_undoes_the_transform()
    {
        var scaler = new StandardScaler([2.5], [0.5]);

        // 1.5 ↦ (1.5 − 2.5)/0.5 = −2 ↦ −2·0.5 + 2.5 = 1.5
        scaler.InverseTransform(new TimeSeries(["a"], [-2f, 1f])).Values.ShouldBe([1.5f, 3f]);
    }
}
