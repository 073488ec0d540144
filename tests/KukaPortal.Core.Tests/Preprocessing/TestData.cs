using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Preprocessing;

/// <summary>Seeded synthetic series, so every test sees the same numbers on every run.</summary>
internal static class TestData
{
    /// <summary>
    /// Three channels of different shapes plus a constant one: "wave" (sine + noise, around 50),
    /// "skewed" (exponential, right tail), "signed" (normal around −2) and "flat" (always 7).
    /// </summary>
    public static TimeSeries Mixed(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var values = new float[rows * 4];
        for (var r = 0; r < rows; r++)
        {
            values[r * 4 + 0] = (float)(50 + 10 * Math.Sin(r / 7.0) + Gaussian(random));
            values[r * 4 + 1] = (float)(-3 * Math.Log(1 - random.NextDouble()));
            values[r * 4 + 2] = (float)(-2 + 1.5 * Gaussian(random));
            values[r * 4 + 3] = 7f;
        }
        return new TimeSeries(["wave", "skewed", "signed", "flat"], values);
    }

    public static double Gaussian(Random random)
    {
        // Box-Muller; 1 − U keeps the logarithm's argument in (0, 1].
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>One channel's values, read back out of a row-major series.</summary>
    public static float[] Column(TimeSeries series, int channel) =>
        [.. Enumerable.Range(0, series.Rows).Select(r => series[r, channel])];
}
