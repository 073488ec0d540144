namespace KukaPortal.Core.Preprocessing.Numerics;

/// <summary>
/// The standard normal distribution's CDF and its inverse. The BCL has no erf, and Core takes no
/// dependencies, so both are written here; the quantile scaler's normal output needs them.
/// </summary>
public static class NormalDistribution
{
    private const double SqrtPi = 1.7724538509055160273;
    private const double Sqrt2 = 1.4142135623730950488;

    /// <summary>P(Z ≤ z) for a standard normal Z, accurate to ~1e-15 absolute.</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z)) return double.NaN;
        var x = z / Sqrt2;
        // Φ(z) = erfc(-x)/2; computing the smaller tail directly keeps relative accuracy in the tails.
        return x < 0 ? 0.5 * Erfc(-x) : 1 - 0.5 * Erfc(x);
    }

    /// <summary>The z with Cdf(z) = p: ±infinity at 0 and 1, NaN outside [0, 1].</summary>
    public static double InverseCdf(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;

        var z = AcklamApproximation(p);
        // One Halley step on Cdf(z) - p lifts the ~1e-9 relative accuracy of the rational
        // approximation to about machine precision.
        var error = Cdf(z) - p;
        var u = error * SqrtPi * Sqrt2 * Math.Exp(z * z / 2);
        return z - u / (1 + z * u / 2);
    }

    /// <summary>erfc(x) for x ≥ 0.</summary>
    private static double Erfc(double x)
    {
        if (x < 2.5)
        {
            // erf(x) = 2/√π · e^{-x²} · Σ_n 2^n x^{2n+1} / (1·3·…·(2n+1)): all terms positive, so no
            // cancellation; for x < 2.5 it converges within ~60 terms.
            double term = x, sum = x;
            for (var n = 1; n < 200 && term > sum * 1e-17; n++)
            {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / SqrtPi * Math.Exp(-x * x) * sum;
        }

        // Continued fraction erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
        // evaluated from the tail; 80 levels are ample for x ≥ 2.5.
        var fraction = x;
        for (var n = 80; n >= 1; n--)
            fraction = x + n / 2.0 / fraction;
        return Math.Exp(-x * x) / (SqrtPi * fraction);
    }

    /// <summary>P. J. Acklam's rational approximation of the normal quantile (relative error &lt; 1.2e-9).</summary>
    private static double AcklamApproximation(double p)
    {
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }
        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s
                   + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
             / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s
                   + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1);

        static double Tail(double q) =>
            (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
               - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
    }
}
