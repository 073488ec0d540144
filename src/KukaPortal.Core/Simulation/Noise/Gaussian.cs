namespace KukaPortal.Core.Simulation.Noise;

/// <summary>Standard normal draws from a <see cref="Random"/> (Box–Muller, both values of each pair used).</summary>
internal sealed class Gaussian(Random random)
{
    private double spare;
    private bool hasSpare;

    public Random Uniform => random;

    public double Next()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }
        // 1 − u keeps the logarithm's argument in (0, 1].
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
        spare = radius * sin;
        hasSpare = true;
        return radius * cos;
    }

    public double NextUniform(double min, double max) => min + (max - min) * random.NextDouble();
}
