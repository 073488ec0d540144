using System.Globalization;
using KukaPortal.Core.Simulation.Program;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// The physical faults while the robot runs: the planner asks it for overrides and part masses, the
/// servo for external torques and friction, the recorder which fault (if any) is in effect at a time.
/// Queries come in time order, so cursors replace searches.
/// </summary>
internal sealed class ProcessFaults
{
    /// <summary>How long the servo needs after a hit before its following error is back to normal.</summary>
    public const double CollisionSettleSeconds = 0.2;

    /// <summary>A collision picks its axis among those moving at least this far in the move (rad, 5°).</summary>
    private const double MovingAxisThreshold = 5 * Math.PI / 180;

    private readonly SlowdownPlan[] slowdowns;
    private readonly Dictionary<int, PayloadPlan> payloads;
    private readonly Dictionary<int, CollisionPlan> collisions;
    private readonly FrictionPlan[] frictions;
    private readonly double[] referenceMaxTorque;
    private readonly double configuredPartMass;
    private readonly double ratedPayload;
    private readonly double nominalCycleSeconds;
    private readonly Dictionary<int, FaultWindow> windowsById = [];
    private readonly List<FaultWindow> windows = [];
    private readonly List<Impact> impacts = [];
    private readonly List<WearRamp> ramps = [];
    private int windowCursor;
    private int impactCursor;

    public ProcessFaults(IEnumerable<PlannedAnomaly> plans, double[] referenceMaxTorque, double configuredPartMass, double ratedPayload, double nominalCycleSeconds)
    {
        var all = plans.ToList();
        slowdowns = all.OfType<SlowdownPlan>().ToArray();
        payloads = all.OfType<PayloadPlan>().ToDictionary(p => p.Cycle);
        collisions = all.OfType<CollisionPlan>().ToDictionary(c => c.Cycle);
        frictions = all.OfType<FrictionPlan>().ToArray();
        this.referenceMaxTorque = referenceMaxTorque;
        this.configuredPartMass = configuredPartMass;
        this.ratedPayload = ratedPayload;
        this.nominalCycleSeconds = nominalCycleSeconds;
    }

    public static ProcessFaults None() => new([], new double[6], 0, 0, 1);

    public IReadOnlyList<FaultWindow> Windows => windows;

    public double OverrideFor(int cycle, int stepIndex) => SlowdownAt(cycle, stepIndex)?.Override ?? 1.0;

    public double? HeavyPartMassFor(int cycle) =>
        payloads.TryGetValue(cycle, out var plan) ? Math.Min(configuredPartMass + plan.ExtraMass, ratedPayload) : null;

    /// <summary>Called for each cycle before any of its rows is sampled: fixes the faults' windows in time.</summary>
    public void OnCyclePlanned(IReadOnlyList<Segment> segments)
    {
        var cycle = segments[0].Cycle;
        for (var index = 0; index < segments.Count; index++)
        {
            if (SlowdownAt(cycle, index) is { } slow && segments[index].IsMove)
                WindowOf(slow.Id, AnomalyKind.Slowdown, null, segments[index].Start,
                        Invariant($"Program override {slow.Override * 100:F0} % for {slow.StepCount} program steps from cycle {slow.FirstStep / PickAndPlaceProgram.StepsPerCycle}"))
                    .Extend(segments[index].Start, segments[index].End);
        }

        if (payloads.TryGetValue(cycle, out var payload))
        {
            var lift = segments.First(s => s.Step == ProgramStep.Lift);
            var release = segments.First(s => s.Step == ProgramStep.Release);
            WindowOf(payload.Id, AnomalyKind.Payload, null, lift.Start,
                    Invariant($"Heavier part: {lift.PartMass:F1} kg carried while the load data says {lift.ConfiguredPartMass:F1} kg"))
                .Extend(lift.Start, release.Start);
        }

        if (collisions.TryGetValue(cycle, out var collision))
            PlanImpact(collision, segments.First(s => s.Step == collision.Step));

        foreach (var friction in frictions)
        {
            if (cycle == friction.FirstCycle)
            {
                var start = segments[0].Start;
                WindowOf(friction.Id, AnomalyKind.Friction, friction.Axis + 1, start,
                    Invariant($"Bearing wear on A{friction.Axis + 1}: friction rises to {friction.FinalScale:F1}x over {friction.CycleCount} cycles"));
                var rampSeconds = friction.CycleCount * nominalCycleSeconds;
                ramps.Add(new WearRamp(friction.Axis, start, (friction.FinalScale - 1) / rampSeconds, friction.FinalScale, friction.Id));
            }
            if (cycle == friction.FirstCycle + friction.CycleCount - 1)
            {
                windowsById[friction.Id].Close(segments[^1].End);
                ramps.First(r => r.Id == friction.Id).End = segments[^1].End;
            }
        }
    }

    /// <summary>
    /// External load torque (N·m at the joint, counted like friction: it opposes motion in its own
    /// direction) on a 0-based axis at time t; t never decreases between calls.
    /// </summary>
    public double ExternalTorque(int axis, double t)
    {
        while (impactCursor < impacts.Count && impacts[impactCursor].End < t) impactCursor++;
        if (impactCursor == impacts.Count) return 0;
        var impact = impacts[impactCursor];
        if (impact.Axis != axis || t < impact.Start) return 0;
        // A half-sine pulse: contact force builds up and falls off as the arm pushes the obstacle away.
        return impact.Peak * Math.Sin(Math.PI * (t - impact.Start) / impact.Duration);
    }

    /// <summary>Factor on the nominal friction of a 0-based axis at time t: 1 unless a wear ramp runs.</summary>
    public double FrictionScale(int axis, double t)
    {
        foreach (var ramp in ramps)
        {
            if (ramp.Axis == axis && t >= ramp.Start && t < ramp.End)
                return Math.Min(ramp.FinalScale, 1 + ramp.RatePerSecond * (t - ramp.Start));
        }
        return 1;
    }

    /// <summary>The fault in effect at time t, or null; t never decreases between calls.</summary>
    public FaultWindow? ActiveAt(double t)
    {
        while (windowCursor < windows.Count && windows[windowCursor].End <= t) windowCursor++;
        return windowCursor < windows.Count && windows[windowCursor].Start <= t ? windows[windowCursor] : null;
    }

    private void PlanImpact(CollisionPlan plan, Segment move)
    {
        var moving = Enumerable.Range(0, move.Delta.Length).Where(a => Math.Abs(move.Delta[a]) >= MovingAxisThreshold).ToArray();
        if (moving.Length == 0) return;
        var axis = moving[Math.Min(moving.Length - 1, (int)(plan.AxisDraw * moving.Length))];
        var peak = plan.PeakFactor * referenceMaxTorque[axis];
        var start = move.Start + plan.ImpactShare * move.Duration;
        // The obstacle pushes against the direction of travel: like friction, a load torque with the sign of the motion.
        impacts.Add(new Impact(axis, start, plan.DurationSeconds, Math.Sign(move.Delta[axis]) * peak));
        WindowOf(plan.Id, AnomalyKind.Collision, axis + 1, start,
                Invariant($"Collision on A{axis + 1} during {move.Step}: {peak:F0} Nm peak for {plan.DurationSeconds * 1000:F0} ms"))
            .Extend(start, start + plan.DurationSeconds + CollisionSettleSeconds);
    }

    private SlowdownPlan? SlowdownAt(int cycle, int stepIndex)
    {
        var step = cycle * PickAndPlaceProgram.StepsPerCycle + stepIndex;
        foreach (var plan in slowdowns)
            if (step >= plan.FirstStep && step < plan.FirstStep + plan.StepCount) return plan;
        return null;
    }

    private FaultWindow WindowOf(int id, AnomalyKind kind, int? axis, double start, string description)
    {
        if (windowsById.TryGetValue(id, out var window)) return window;
        window = new FaultWindow(id, kind, axis, start, description);
        windowsById.Add(id, window);
        windows.Add(window);
        return window;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Impact(int Axis, double Start, double Duration, double Peak)
    {
        public double End => Start + Duration;
    }

    private sealed record WearRamp(int Axis, double Start, double RatePerSecond, double FinalScale, int Id)
    {
        public double End { get; set; } = double.PositiveInfinity;
    }
}
