namespace KukaPortal.Web.Training;

/// <summary>
/// How often a portal training run reports (a loss point, a validation MSE, a possible checkpoint): about
/// 200 points per run at most, so the curves stay cheap to store and push, but every 10 iterations for
/// short runs so they still draw a curve; never less than once per run.
/// </summary>
public static class LossCadence
{
    public const int MaxPoints = 200;

    public static int IntervalFor(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return Math.Max((int)Math.Ceiling((double)iterations / MaxPoints), Math.Min(10, iterations));
    }
}
