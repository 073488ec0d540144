using KukaPortal.Core.Preprocessing.Numerics;

namespace KukaPortal.Core.Tests.Preprocessing.Numerics;

public class NormalDistributionTests
{
    // Reference values: 0.5·erfc(−z/√2) with CPython's math.erfc; quantiles: statistics.NormalDist.inv_cdf.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(3.0, 0.9986501019683699)]
    [InlineData(-5.0, 2.866515718791946e-07)]
    public void Cdf_matches_tabulated_values(double z, double p) =>
        NormalDistribution.Cdf(z).ShouldBe(p, p * 1e-12);

    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.75, 0.6744897501960817)]
    [InlineData(0.5, 0.0)]
    [InlineData(1e-7, -5.199337582192817)]
    public void Inverse_matches_tabulated_values(double p, double z) =>
        NormalDistribution.InverseCdf(p).ShouldBe(z, 1e-12);

    [Fact]
    public void Inverse_undoes_the_cdf_across_the_range()
    {
        for (var z = -8.0; z <= 5; z += 0.125)
            NormalDistribution.InverseCdf(NormalDistribution.Cdf(z)).ShouldBe(z, 1e-9);
    }

    [Fact]
    public void Inverse_is_infinite_at_the_ends_and_undefined_outside()
    {
        NormalDistribution.InverseCdf(0).ShouldBe(double.NegativeInfinity);
        NormalDistribution.InverseCdf(1).ShouldBe(double.PositiveInfinity);
        double.IsNaN(NormalDistribution.InverseCdf(1.5)).ShouldBeTrue();
    }
}
