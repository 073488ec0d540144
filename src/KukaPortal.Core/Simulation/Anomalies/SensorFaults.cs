using KukaPortal.Core.Simulation.Noise;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// Places the planned sensor faults in rows and applies them to the noisy recording. They change
/// what was recorded, not what the robot did, so they come after the physics and the noise.
/// </summary>
internal static class SensorFaults
{
    /// <summary>A fault never fills more than this share of its slot, so it stays clear of its neighbours' cycles.</summary>
    private const double MaxSlotShare = 0.8;

    public static IReadOnlyList<AnomalyEvent> Apply(float[] values, int rows, IEnumerable<SensorFaultPlan> plans, IReadOnlyList<int> cycleStartRows, double sampleRateHz, Gaussian random)
    {
        var events = new List<AnomalyEvent>();
        ChannelRanges? ranges = null;
        foreach (var plan in plans)
        {
            var slotStart = RowOfCycle(plan.SlotStart, cycleStartRows, rows);
            var available = RowOfCycle(plan.SlotEnd, cycleStartRows, rows) - slotStart;
            var length = Math.Min((int)Math.Round(plan.DurationSeconds * sampleRateHz), (int)(available * MaxSlotShare));
            if (slotStart < 1 || length < 2) continue; // the slot lies (almost) beyond the recording's end
            var start = slotStart + (int)(plan.StartDraw * (available - length));
            var axis = plan.Axis + 1;
            ranges ??= new ChannelRanges(values, rows, RobotChannels.Count);

            events.Add(plan.Kind switch
            {
                AnomalyKind.Drift => Drift(values, start, length, axis, plan, ranges),
                AnomalyKind.Stuck => StuckSensor.Apply(values, start, length, axis, Pick(StuckSensor.Candidates, plan.ChannelDraw)),
                AnomalyKind.Noise => NoiseBurst.Apply(values, start, length, axis, plan.RangeShare, ranges, random),
                AnomalyKind.Missing => MissingSamples.Apply(values, start, length, axis),
                _ => throw new ArgumentOutOfRangeException(nameof(plans), plan.Kind, "Not a sensor fault."),
            });
        }
        return events;
    }

    private static AnomalyEvent Drift(float[] values, int start, int length, int axis, SensorFaultPlan plan, ChannelRanges ranges)
    {
        var signal = Pick(SensorDrift.Candidates, plan.ChannelDraw);
        // At least 20 noise sigmas, so a drift stands out even on a channel that hardly varies (temperature).
        var size = Math.Max(plan.RangeShare * ranges.Of(RobotChannels.IndexOf(axis, signal)), 20 * MeasurementNoise.SigmaOf(signal));
        return SensorDrift.Apply(values, start, length, axis, signal, plan.Sign * size);
    }

    private static AxisSignal Pick(AxisSignal[] candidates, double draw) => candidates[Math.Min(candidates.Length - 1, (int)(draw * candidates.Length))];

    private static int RowOfCycle(int cycle, IReadOnlyList<int> cycleStartRows, int rows) =>
        cycle < cycleStartRows.Count ? cycleStartRows[cycle] : rows;
}
