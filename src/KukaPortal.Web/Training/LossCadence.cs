namespace KukaPortal.Web.Training;

/// <summary>
/// How often a portal training run reports, and which reports become stored loss points. Reports (progress,
/// a held-out MSE, a possible checkpoint) come every 10 iterations for short runs so they still draw a curve,
/// about 200 per run for longer ones, but at least every 100 iterations so a very long run still moves its
/// progress bar. Loss points are thinned to about <see cref="MaxPoints"/> per run however long it is.
/// </summary>
public static class LossCadence
{
    public const int MaxPoints = 200;
    private const int MaxInterval = 100;

    public static int IntervalFor(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return Math.Max(Math.Min(10, iterations), Math.Min(MaxInterval, (int)Math.Ceiling((double)iterations / MaxPoints)));
    }

    /// <summary>Whether the report at <paramref name="iteration"/> is stored and pushed as a loss point (always the last one).</summary>
    public static bool Stores(int iteration, int iterations)
    {
        var interval = IntervalFor(iterations);
        var every = interval * (int)Math.Ceiling((double)(iterations / interval) / MaxPoints);
        return iteration == iterations || iteration % Math.Max(every, interval) == 0;
    }
}
