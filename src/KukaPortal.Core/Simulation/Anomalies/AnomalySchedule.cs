using KukaPortal.Core.Simulation.Noise;
using KukaPortal.Core.Simulation.Program;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// Decides before the run which anomalies happen where. The cycles after the warm-up are cut into
/// one slot per event, the events are shuffled over the slots so kinds interleave, and each event is
/// placed at random inside its slot. Slots are whole cycles, so no two events overlap.
/// </summary>
internal static class AnomalySchedule
{
    /// <summary>Without an explicit count, one event of each kind per this much recording (20,000 rows at 83 Hz).</summary>
    public const double SecondsPerEventByDefault = 240;

    /// <summary>The smallest override a slowdown of intensity 1 uses (the range is 50–80 %).</summary>
    private const double SlowestOverride = 0.5;

    /// <summary>How many program cycles a recording of the options' length holds, before slowdowns.</summary>
    public static double EstimatedCycles(RobotSimulationOptions options, double nominalCycleSeconds) =>
        // The wait for the next part adds 0.15 s per cycle on average at variation 1.
        options.Rows / options.SampleRateHz / (nominalCycleSeconds + 0.15 * options.Variation);

    public static IReadOnlyList<PlannedAnomaly> Plan(RobotSimulationOptions options, double nominalCycleSeconds)
    {
        var kinds = options.Anomalies.Distinct().ToList();
        if (kinds.Count == 0) return [];

        var perKind = options.EventsPerKind ?? DefaultPerKind(options, nominalCycleSeconds, kinds);
        var total = perKind * kinds.Count;
        var usable = UsableCycles(options, nominalCycleSeconds, kinds.Contains(AnomalyKind.Slowdown) ? perKind : 0);
        if (total > usable)
        {
            var rowsPerCycle = (int)Math.Ceiling(nominalCycleSeconds * options.SampleRateHz);
            throw new ArgumentException(
                $"{options.Rows} rows hold about {Math.Max(0, usable)} program cycles after the {options.WarmUpCycles} normal warm-up cycles, " +
                $"but {total} anomaly events need one cycle each (a cycle is about {rowsPerCycle} rows). Use more rows or fewer events.",
                nameof(options));
        }

        var random = new Gaussian(RandomStreams.Create(options.Seed, RandomPurpose.AnomalySchedule));
        var order = kinds.SelectMany(kind => Enumerable.Repeat(kind, perKind)).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Uniform.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var slotLength = usable / (double)total;
        var plans = new List<PlannedAnomaly>(total);
        for (var i = 0; i < total; i++)
        {
            var slotStart = options.WarmUpCycles + (int)Math.Floor(i * slotLength);
            var slotEnd = options.WarmUpCycles + (int)Math.Floor((i + 1) * slotLength);
            plans.Add(PlanOne(i, order[i], slotStart, slotEnd, random, options.Intensity));
        }
        return plans;
    }

    /// <summary>One per <see cref="SecondsPerEventByDefault"/>, at least one, and no more than the cycles can hold.</summary>
    private static int DefaultPerKind(RobotSimulationOptions options, double nominalCycleSeconds, List<AnomalyKind> kinds)
    {
        var wanted = Math.Max(1, (int)(options.Rows / options.SampleRateHz / SecondsPerEventByDefault));
        while (wanted > 1 && wanted * kinds.Count > UsableCycles(options, nominalCycleSeconds, kinds.Contains(AnomalyKind.Slowdown) ? wanted : 0))
            wanted--;
        return wanted;
    }

    private static int UsableCycles(RobotSimulationOptions options, double nominalCycleSeconds, int slowdowns)
    {
        // A slowdown stretches up to about one cycle's worth of moves by 1/override: keep room for it.
        var slowdownExtra = slowdowns * 0.75 * (1 / SlowestOverride - 1) * options.Intensity;
        return (int)Math.Floor(EstimatedCycles(options, nominalCycleSeconds) - slowdownExtra) - options.WarmUpCycles;
    }

    private static PlannedAnomaly PlanOne(int id, AnomalyKind kind, int slotStart, int slotEnd, Gaussian random, double intensity)
    {
        var cycles = slotEnd - slotStart;
        var cycleInSlot = slotStart + random.Uniform.Next(cycles);
        switch (kind)
        {
            case AnomalyKind.Slowdown:
            {
                var slotSteps = cycles * PickAndPlaceProgram.StepsPerCycle;
                var steps = Math.Min(random.Uniform.Next(4, 16), slotSteps);
                var first = slotStart * PickAndPlaceProgram.StepsPerCycle + random.Uniform.Next(slotSteps - steps + 1);
                var speed = Math.Clamp(1 - intensity * random.NextUniform(0.2, 0.5), 0.1, 0.95);
                return new SlowdownPlan(id, slotStart, slotEnd, first, steps, speed);
            }
            case AnomalyKind.Collision:
            {
                ProgramStep[] transits = [ProgramStep.ApproachPick, ProgramStep.Transfer, ProgramStep.ReturnHome];
                var step = transits[random.Uniform.Next(transits.Length)];
                return new CollisionPlan(id, slotStart, slotEnd, cycleInSlot, step,
                    ImpactShare: random.NextUniform(0.3, 0.65), AxisDraw: random.Uniform.NextDouble(),
                    DurationSeconds: random.NextUniform(0.04, 0.1), PeakFactor: intensity * random.NextUniform(2.5, 4));
            }
            case AnomalyKind.Payload:
                return new PayloadPlan(id, slotStart, slotEnd, cycleInSlot, ExtraMass: intensity * random.NextUniform(4, 8));
            case AnomalyKind.Friction:
            {
                var count = Math.Clamp((int)Math.Round(cycles * 0.6), 1, 30);
                var first = slotStart + random.Uniform.Next(cycles - count + 1);
                return new FrictionPlan(id, slotStart, slotEnd, Axis: random.Uniform.Next(6), first, count,
                    FinalScale: 1 + intensity * random.NextUniform(1.5, 3));
            }
            default:
            {
                var duration = kind switch
                {
                    AnomalyKind.Drift => random.NextUniform(25, 60),
                    AnomalyKind.Stuck => random.NextUniform(1.5, 5),
                    AnomalyKind.Noise => random.NextUniform(0.3, 1.5),
                    AnomalyKind.Missing => random.NextUniform(0.1, 2),
                    _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
                };
                return new SensorFaultPlan(id, kind, slotStart, slotEnd, Axis: random.Uniform.Next(6),
                    ChannelDraw: random.Uniform.NextDouble(), StartDraw: random.Uniform.NextDouble(), duration,
                    RangeShare: intensity * random.NextUniform(0.15, 0.3), Sign: random.Uniform.Next(2) * 2 - 1);
            }
        }
    }
}
