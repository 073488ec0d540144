namespace KukaPortal.Core.Preprocessing.Numerics;

/// <summary>
/// Maximises a unimodal function on a closed interval by golden-section search. It needs no
/// derivatives and never leaves the interval, which keeps power transforms away from overflow.
/// </summary>
public static class GoldenSection
{
    private static readonly double InverseRatio = (Math.Sqrt(5) - 1) / 2;

    public static double Maximise(Func<double, double> function, double lower, double upper, double tolerance = 1e-6)
    {
        if (!(lower < upper)) throw new ArgumentException($"Empty interval [{lower}, {upper}].");

        var a = lower;
        var b = upper;
        var c = b - InverseRatio * (b - a);
        var d = a + InverseRatio * (b - a);
        var fc = function(c);
        var fd = function(d);
        while (b - a > tolerance)
        {
            // NaN compares false, so a NaN value on one side moves the search to the other.
            if (fc >= fd || double.IsNaN(fd))
            {
                b = d; d = c; fd = fc;
                c = b - InverseRatio * (b - a);
                fc = function(c);
            }
            else
            {
                a = c; c = d; fc = fd;
                d = a + InverseRatio * (b - a);
                fd = function(d);
            }
        }

        // The ends are candidates too: the maximum of a monotone function sits on a bound.
        var middle = (a + b) / 2;
        var best = middle;
        var bestValue = function(middle);
        foreach (var candidate in (ReadOnlySpan<double>)[lower, upper])
        {
            var value = function(candidate);
            if (value > bestValue) { best = candidate; bestValue = value; }
        }
        return best;
    }
}
