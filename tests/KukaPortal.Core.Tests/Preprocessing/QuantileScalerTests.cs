using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class QuantileScalerTests
{
    // 0, 1, …, 10: with 5 quantiles (probabilities 0, 0.25, 0.5, 0.75, 1 at positions q·10)
    // the references are 0, 2.5, 5, 7.5, 10.
    private static readonly TimeSeries ZeroToTen = new(["a"], [.. Enumerable.Range(0, 11).Select(i => (float)i)]);

    private static QuantileScaler Uniform() => QuantileScaler.Fit(ZeroToTen, normalOutput: false, quantileCount: 5);

    [Fact]
    public void Keeps_the_quantiles_of_the_normal_data_as_references()
    {
        var scaler = Uniform();

        scaler.Quantiles.ShouldBe([0, 0.25, 0.5, 0.75, 1]);
        scaler.References.ShouldBe([0, 2.5, 5, 7.5, 10]);
    }

    [Fact]
    public void A_value_at_the_kth_quantile_maps_to_k_over_n_minus_one()
    {
        // 2.5 is reference 1 → 1/4; 7.5 is reference 3 → 3/4
        Uniform().Transform(new TimeSeries(["a"], [0, 2.5f, 5, 7.5f, 10])).Values.ShouldBe([0f, 0.25f, 0.5f, 0.75f, 1f]);
    }

    [Fact]
    public void Values_between_references_interpolate_linearly()
    {
        // 6.25 lies halfway between references 2 (5) and 3 (7.5) → (2 + 0.5)/4 = 0.625
        Uniform().Transform(new TimeSeries(["a"], [6.25f])).Values.ShouldBe([0.625f]);
    }

    [Fact]
    public void Values_outside_the_fitted_range_clip_to_the_ends()
    {
        Uniform().Transform(new TimeSeries(["a"], [-100, 1e30f])).Values.ShouldBe([0f, 1f]);
    }

    [Fact]
    public void The_normal_output_is_the_normal_quantile_clipped_to_plus_minus_5_2()
    {
        var scaler = QuantileScaler.Fit(ZeroToTen, normalOutput: true, quantileCount: 5);

        // 5 ↦ p = 0.5 ↦ 0; 7.5 ↦ p = 0.75 ↦ Φ⁻¹(0.75) = 0.6744898; 0 ↦ p = 0 ↦ −∞, clipped; −100 clips too
        scaler.Transform(new TimeSeries(["a"], [5, 7.5f, 0, -100, 100])).Values
            .ShouldBe([0f, 0.6744898f, -5.2f, -5.2f, 5.2f], 1e-6f);
    }

    [Fact]
    public void A_run_of_equal_references_maps_to_its_middle()
    {
        // [1, 2, 2, 2, 3] with 5 quantiles keeps the values themselves: 2 is references 1..3 → (1 + 3)/2/4 = 0.5
        var scaler = QuantileScaler.Fit(new TimeSeries(["a"], [1, 2, 2, 2, 3]), normalOutput: false, quantileCount: 5);

        scaler.Transform(new TimeSeries(["a"], [2])).Values.ShouldBe([0.5f]);
    }

    [Fact]
    public void Never_keeps_more_quantiles_than_values()
    {
        var scaler = QuantileScaler.Fit(new TimeSeries(["a"], [3, 1, 2]), normalOutput: false, quantileCount: 1000);

        scaler.References.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void A_constant_channel_maps_to_the_middle()
    {
        var series = new TimeSeries(["a"], [4, 4, 4]);

        QuantileScaler.Fit(series, normalOutput: false).Transform(new TimeSeries(["a"], [4, 9])).Values.ShouldBe([0.5f, 0.5f]);
        QuantileScaler.Fit(series, normalOutput: true).Transform(new TimeSeries(["a"], [4, 9])).Values.ShouldBe([0f, 0f]);
    }

    [Fact]
    public void Inverse_interpolates_the_references()
    {
        // 0.625 ↦ position 2.5 ↦ 5 + 0.5·(7.5 − 5) = 6.25; beyond [0, 1] clips to the ends
        Uniform().InverseTransform(new TimeSeries(["a"], [0.625f, 1.5f, -1f])).Values.ShouldBe([6.25f, 10f, 0f]);

        var normal = QuantileScaler.Fit(ZeroToTen, normalOutput: true, quantileCount: 5);
        normal.InverseTransform(new TimeSeries(["a"], [0.6744898f])).Values[0].ShouldBe(7.5f, 1e-5f);
    }
}
