namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// The Yeo-Johnson power transform (Yeo and Johnson, Biometrika 2000), defined for every real y:
/// <code>
///   y ≥ 0, λ ≠ 0:  ((y + 1)^λ − 1) / λ          y ≥ 0, λ = 0:  ln(y + 1)
///   y &lt; 0, λ ≠ 2: −((1 − y)^(2 − λ) − 1) / (2 − λ)   y &lt; 0, λ = 2: −ln(1 − y)
/// </code>
/// λ = 1 is the identity.
/// </summary>
public static class YeoJohnson
{
    /// <summary>λ is searched in this interval: wide enough for skewed sensor data, narrow enough that
    /// (1 + |y|)^λ of plausible readings stays far from double overflow.</summary>
    public const double MinLambda = -5, MaxLambda = 5;

    // Below this |λ| (or |2 − λ|) the closed form loses digits to cancellation; the log branch is its limit.
    private const double Epsilon = 1e-12;

    public static double Transform(double y, double lambda)
    {
        if (y >= 0)
            return Math.Abs(lambda) < Epsilon ? Math.Log(y + 1) : (Math.Pow(y + 1, lambda) - 1) / lambda;
        return Math.Abs(lambda - 2) < Epsilon ? -Math.Log(1 - y) : -(Math.Pow(1 - y, 2 - lambda) - 1) / (2 - lambda);
    }

    /// <summary>y such that Transform(y, λ) = t. Where the transform is bounded (λ &lt; 0 above zero,
    /// λ &gt; 2 below) a t beyond the bound has no preimage and saturates to the largest finite double.</summary>
    public static double Inverse(double t, double lambda)
    {
        if (double.IsNaN(t)) return double.NaN;
        if (t >= 0)
        {
            if (Math.Abs(lambda) < Epsilon) return Saturate(Math.Exp(t) - 1);
            var root = t * lambda + 1; // ≤ 0 only when λ < 0 and t ≥ −1/λ, the transform's upper bound
            return root > 0 ? Saturate(Math.Pow(root, 1 / lambda) - 1) : double.MaxValue;
        }
        if (Math.Abs(lambda - 2) < Epsilon) return Saturate(1 - Math.Exp(-t));
        var mirrored = 1 - (2 - lambda) * t; // ≤ 0 only when λ > 2 and t ≤ 1/(2 − λ), the lower bound
        return mirrored > 0 ? Saturate(1 - Math.Pow(mirrored, 1 / (2 - lambda))) : -double.MaxValue;
    }

    private static double Saturate(double y) => Math.Clamp(y, -double.MaxValue, double.MaxValue);

    /// <summary>
    /// The profile log-likelihood of λ for normally distributed transformed data:
    /// −n/2 · ln σ²(ψ(λ, x)) + (λ − 1) · Σ sign(xᵢ) ln(1 + |xᵢ|), with the population variance σ².
    /// The second term is the log-Jacobian of the transform.
    /// </summary>
    public static double LogLikelihood(IReadOnlyList<double> values, double lambda) =>
        new YeoJohnsonLikelihood(values).Evaluate(lambda);

    /// <summary>The maximum-likelihood λ in [<see cref="MinLambda"/>, <see cref="MaxLambda"/>] by golden-section search.</summary>
    public static double FitLambda(IReadOnlyList<double> values)
    {
        // A channel without spread has no likelihood to maximise (ln 0); leave it untransformed.
        if (values.Min() == values.Max()) return 1;
        var likelihood = new YeoJohnsonLikelihood(values);
        return Numerics.GoldenSection.Maximise(likelihood.Evaluate, MinLambda, MaxLambda, tolerance: 1e-5);
    }
}
