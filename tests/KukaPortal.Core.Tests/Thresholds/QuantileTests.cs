using KukaPortal.Core.Thresholds;

namespace KukaPortal.Core.Tests.Thresholds;

public class QuantileTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.25, 1.75)]
    public void Interpolates_between_order_statistics(double q, double expected) =>
        Quantile.Of([4.0, 1.0, 3.0, 2.0], q).ShouldBe(expected, 1e-12);

    [Fact]
    public void Has_no_quantile_of_nothing() =>
        Should.Throw<ArgumentException>(() => Quantile.Of(Array.Empty<double>(), 0.5));
}
