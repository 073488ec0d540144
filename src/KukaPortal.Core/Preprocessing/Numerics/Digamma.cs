namespace KukaPortal.Core.Preprocessing.Numerics;

/// <summary>The digamma function ψ(x) = d/dx ln Γ(x) for x &gt; 0, which k-NN mutual-information estimators need.</summary>
public static class Digamma
{
    public static double Of(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "Digamma is only needed (and defined here) for x > 0.");

        // Shift x up with ψ(x) = ψ(x + 1) − 1/x until the asymptotic series below, cut after the
        // x⁻¹⁰ term, is accurate to ~1e-14 (its next term is 691/32760 · x⁻¹²).
        var result = 0.0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }
        var inverseSquare = 1 / (x * x);
        var series = inverseSquare * (1.0 / 12 - inverseSquare * (1.0 / 120 - inverseSquare * (1.0 / 252 - inverseSquare * (1.0 / 240 - inverseSquare / 132))));
        return result + Math.Log(x) - 0.5 / x - series;
    }
}
