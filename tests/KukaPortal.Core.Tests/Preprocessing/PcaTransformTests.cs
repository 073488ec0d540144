using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class PcaTransformTests
{
    // Points (5, 0, 1) + t·(2, 3, 6)/7 for t = −3..3: all variance lies along one unit direction.
    private static readonly double[] Direction = [2 / 7.0, 3 / 7.0, 6 / 7.0];
    private static readonly int[] Steps = [-3, -2, -1, 0, 1, 2, 3];
    private static readonly TimeSeries Line = new(["x", "y", "z"],
        [.. Steps.SelectMany(t => new[] { (float)(5 + t * Direction[0]), (float)(t * Direction[1]), (float)(1 + t * Direction[2]) })]);

    [Fact]
    public void Points_along_a_line_keep_one_component_along_it()
    {
        var pca = PcaTransform.Fit(Line);

        pca.ComponentCount.ShouldBe(1);
        pca.OutputChannels.ShouldBe(["pc1"]);
        pca.ToState().Components.ShouldBe(Direction, 1e-6); // sign: largest entry (6/7) positive
        pca.ExplainedVarianceRatio.ShouldBe([1.0], 1e-9);
        // Centred on (5, 0, 1), the projection on a unit direction gives back t.
        pca.Transform(Line).Values.ShouldBe(Steps.Select(t => (float)t).ToArray(), 1e-5f);
    }

    [Fact]
    public void A_line_is_reconstructed_from_its_one_component()
    {
        var pca = PcaTransform.Fit(Line);

        pca.InverseTransform(pca.Transform(Line)).Values.ShouldBe(Line.Values, 1e-5f);
    }

    // Each row has one non-zero channel: ±1 on a, ±3 on b, ±2 on c. The mean is 0 and no two channels
    // are ever non-zero together, so the sample covariance (n − 1 = 5) is exactly
    // diag(2/5, 18/5, 8/5) = diag(0.4, 3.6, 1.6); total 5.6.
    private static readonly TimeSeries Axes = new(["a", "b", "c"], [1, 0, 0, -1, 0, 0, 0, 3, 0, 0, -3, 0, 0, 0, 2, 0, 0, -2]);

    [Theory]
    [InlineData(0.6, 1)]    // b alone explains 3.6/5.6 = 64.3 %
    [InlineData(0.9, 2)]    // b + c explain 5.2/5.6 = 92.9 %
    [InlineData(0.95, 3)]   // 95 % needs all three
    public void A_diagonal_covariance_keeps_the_channels_in_order_of_variance(double variance, int expected)
    {
        var pca = PcaTransform.Fit(Axes, new PcaOptions(variance));

        pca.ComponentCount.ShouldBe(expected);
        pca.ExplainedVariance.ShouldBe(new[] { 3.6, 1.6, 0.4 }[..expected], 1e-12);
        pca.ToState().Components.ShouldBe(new double[] { 0, 1, 0, 0, 0, 1, 1, 0, 0 }[..(3 * expected)], 1e-12);
    }

    [Fact]
    public void Keeping_every_component_reconstructs_correlated_data()
    {
        var normal = TestData.Mixed(300);
        var pca = PcaTransform.Fit(normal, new PcaOptions(VarianceToKeep: 1.0));

        var restored = pca.InverseTransform(pca.Transform(normal));

        // The constant channel adds no variance, so 3 components carry everything.
        pca.ComponentCount.ShouldBe(3);
        restored.Values.ShouldBe(normal.Values, 1e-3f);
    }

    [Fact]
    public void The_state_survives_a_json_round_trip_with_identical_outputs()
    {
        var normal = TestData.Mixed(300);
        var pca = PcaTransform.Fit(normal, new PcaOptions(0.8));

        var json = JsonSerializer.Serialize(pca.ToState());
        var restored = JsonSerializer.Deserialize<PcaState>(json)!.Restore();

        restored.Transform(normal).Values.ShouldBe(pca.Transform(normal).Values);
        restored.OutputChannels.ShouldBe(pca.OutputChannels);
    }

    [Fact]
    public void Fitting_skips_rows_with_missing_values_and_transforming_keeps_them_missing()
    {
        var withGap = new TimeSeries(["x", "y", "z"], [.. Line.Values, float.NaN, 1, 1]);
        var pca = PcaTransform.Fit(withGap);

        pca.ToState().Components.ShouldBe(Direction, 1e-6);
        float.IsNaN(pca.Transform(withGap).Values[^1]).ShouldBeTrue();
    }

    [Fact]
    public void Refuses_a_series_with_other_channels()
    {
        var pca = PcaTransform.Fit(Line);

        Should.Throw<ArgumentException>(() => pca.Transform(new TimeSeries(["x", "z", "y"], [1, 2, 3])));
    }

    [Fact]
    public void Refuses_a_variance_share_outside_zero_one() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PcaTransform.Fit(Line, new PcaOptions(1.5)));
}
