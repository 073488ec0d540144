using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

public class YeoJohnsonTests
{
    [Theory]
    [InlineData(3.0, 0.5, 2.0)]                  // y ≥ 0: ((3 + 1)^0.5 − 1)/0.5 = (2 − 1)/0.5 = 2
    [InlineData(Math.E - 1, 0.0, 1.0)]           // y ≥ 0, λ = 0: ln(e − 1 + 1) = 1
    [InlineData(1 - Math.E, 2.0, -1.0)]          // y < 0, λ = 2: −ln(1 − (1 − e)) = −ln e = −1
    [InlineData(-1.0, 3.0, -0.5)]                // y < 0: −((1 + 1)^(2 − 3) − 1)/(2 − 3) = −(0.5 − 1)/(−1) = −0.5
    [InlineData(-1.0, 0.0, -1.5)]                // y < 0: −((1 + 1)^2 − 1)/2 = −3/2
    [InlineData(3.0, -1.0, 0.75)]                // y ≥ 0: ((3 + 1)^−1 − 1)/(−1) = (0.25 − 1)/(−1) = 0.75
    public void Follows_the_four_branches_of_the_formula(double y, double lambda, double expected) =>
        YeoJohnson.Transform(y, lambda).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Lambda_one_is_the_identity(double y) =>
        // y ≥ 0: ((y + 1) − 1)/1 = y; y < 0: −((1 − y) − 1)/1 = y
        YeoJohnson.Transform(y, 1).ShouldBe(y, 1e-12);

    [Theory]
    [InlineData(-2.0, 0.3)]
    [InlineData(4.0, 0.3)]
    [InlineData(-2.0, 2.0)]
    [InlineData(4.0, 0.0)]
    [InlineData(-0.7, -1.5)]
    public void Inverse_undoes_the_transform(double y, double lambda) =>
        YeoJohnson.Inverse(YeoJohnson.Transform(y, lambda), lambda).ShouldBe(y, 1e-9);

    [Fact]
    public void The_fitted_lambda_maximises_the_log_likelihood()
    {
        var skewed = TestData.Column(TestData.Mixed(2000), 1).Select(v => (double)v).ToArray();

        var lambda = YeoJohnson.FitLambda(skewed);

        var best = YeoJohnson.LogLikelihood(skewed, lambda);
        best.ShouldBeGreaterThan(YeoJohnson.LogLikelihood(skewed, lambda - 0.01));
        best.ShouldBeGreaterThan(YeoJohnson.LogLikelihood(skewed, lambda + 0.01));
        // Exponential data has a long right tail, which a λ below 1 (towards a logarithm) compresses.
        lambda.ShouldBeLessThan(1);
    }

    [Fact]
    public void The_scaler_standardises_the_transformed_normal_data()
    {
        var normal = TestData.Mixed(2000);

        var scaled = YeoJohnsonScaler.Fit(normal).Transform(normal);

        for (var c = 0; c < 3; c++)
        {
            var column = TestData.Column(scaled, c);
            column.Average().ShouldBe(0, 1e-4);
            Math.Sqrt(column.Average(v => v * v)).ShouldBe(1, 1e-4);
        }
        TestData.Column(scaled, 3).ShouldAllBe(v => v == 0); // the constant channel
    }

    [Fact]
    public void With_lambda_one_mean_zero_and_unit_deviation_the_scaler_is_the_identity()
    {
        var scaler = new YeoJohnsonScaler([1], [0], [1]);

        scaler.Transform(new TimeSeries(["a"], [-2.5f, 0, 3])).Values.ShouldBe([-2.5f, 0f, 3f]);
    }

    [Fact]
    public void The_scaler_applies_the_transform_then_standardises()
    {
        // λ = 0.5, mean 1, σ 0.5: 3 ↦ ψ = 2 (see above) ↦ (2 − 1)/0.5 = 2
        var scaler = new YeoJohnsonScaler([0.5], [1], [0.5]);

        scaler.Transform(new TimeSeries(["a"], [3f])).Values.ShouldBe([2f]);
        scaler.InverseTransform(new TimeSeries(["a"], [2f])).Values[0].ShouldBe(3f, 1e-6f);
    }

    [Fact]
    public void The_inverse_saturates_where_the_transform_is_bounded()
    {
        // λ = −1 maps [0, ∞) onto [0, 1): a standardised value beyond 1 has no preimage.
        var scaler = new YeoJohnsonScaler([-1], [0], [1]);

        scaler.InverseTransform(new TimeSeries(["a"], [5f])).Values[0].ShouldBe(float.MaxValue);
    }
}
