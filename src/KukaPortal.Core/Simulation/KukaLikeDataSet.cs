using KukaPortal.Core.Simulation.Anomalies;

namespace KukaPortal.Core.Simulation;

/// <summary>
/// Builds the stand-in for paper 000's KUKA data set, which is not public: the same robot and program
/// recorded once normally and once with some movements slowed down (KukaSlow).
/// </summary>
public static class KukaLikeDataSet
{
    public static KukaLikePair Generate(KukaLikeDataSetOptions? options = null)
    {
        options ??= new KukaLikeDataSetOptions();
        return new KukaLikePair(RobotSimulator.Generate(NormalOptions(options)), RobotSimulator.Generate(SlowOptions(options)));
    }

    public static RobotSimulationOptions NormalOptions(KukaLikeDataSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RobotSimulationOptions { Rows = options.ResolvedNormalRows, Seed = options.Seed, SampleRateHz = options.SampleRateHz };
    }

    /// <exception cref="ArgumentException">The slow recording is too short to hold a slowdown after the warm-up.</exception>
    public static RobotSimulationOptions SlowOptions(KukaLikeDataSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CyclesPerSlowdown < 1)
            throw new ArgumentException($"{nameof(options.CyclesPerSlowdown)} must be at least 1, not {options.CyclesPerSlowdown}.", nameof(options));

        var slow = new RobotSimulationOptions
        {
            Rows = options.ResolvedSlowRows,
            Seed = unchecked(options.Seed + 1),
            SampleRateHz = options.SampleRateHz,
            Anomalies = [AnomalyKind.Slowdown],
            Intensity = options.Intensity,
        };
        // Each slowdown stretches its cycle by up to ~0.75 cycle at intensity 1: leave room for that.
        var cycles = AnomalySchedule.EstimatedCycles(slow, RobotSimulator.NominalCycleSeconds(slow)) - slow.WarmUpCycles;
        var events = (int)Math.Floor(cycles / (options.CyclesPerSlowdown + 0.75 * options.Intensity));
        return slow with { EventsPerKind = Math.Max(1, events) };
    }
}
