namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// An anomaly decided before the run: its kind and the slot of cycles [SlotStart, SlotEnd) reserved
/// for it. Slots never overlap, so neither do events. All random choices are drawn up front here.
/// </summary>
internal abstract record PlannedAnomaly(int Id, AnomalyKind Kind, int SlotStart, int SlotEnd);

/// <summary>Program steps [FirstStep, FirstStep + StepCount), counted over the whole run (cycle × 10 + step), at a reduced override.</summary>
internal sealed record SlowdownPlan(int Id, int SlotStart, int SlotEnd, int FirstStep, int StepCount, double Override)
    : PlannedAnomaly(Id, AnomalyKind.Slowdown, SlotStart, SlotEnd);

/// <summary>
/// A hit during a transit move of <see cref="Cycle"/>: at <see cref="ImpactShare"/> of the move, on the
/// axis picked by <see cref="AxisDraw"/> among those that move, with a peak of <see cref="PeakFactor"/>
/// times that axis's largest torque in a normal cycle.
/// </summary>
internal sealed record CollisionPlan(int Id, int SlotStart, int SlotEnd, int Cycle, ProgramStep Step, double ImpactShare, double AxisDraw, double DurationSeconds, double PeakFactor)
    : PlannedAnomaly(Id, AnomalyKind.Collision, SlotStart, SlotEnd);

/// <summary>A part <see cref="ExtraMass"/> kg heavier than configured, carried in <see cref="Cycle"/>; the load data stays nominal.</summary>
internal sealed record PayloadPlan(int Id, int SlotStart, int SlotEnd, int Cycle, double ExtraMass)
    : PlannedAnomaly(Id, AnomalyKind.Payload, SlotStart, SlotEnd);

/// <summary>Friction of <see cref="Axis"/> (0-based) rising linearly to <see cref="FinalScale"/> times normal over the cycles.</summary>
internal sealed record FrictionPlan(int Id, int SlotStart, int SlotEnd, int Axis, int FirstCycle, int CycleCount, double FinalScale)
    : PlannedAnomaly(Id, AnomalyKind.Friction, SlotStart, SlotEnd);

/// <summary>
/// A fault in the recorded channels of <see cref="Axis"/> (0-based): where in the slot it starts
/// (<see cref="StartDraw"/> in [0, 1)), how long it lasts, which channel (<see cref="ChannelDraw"/>),
/// and how strong it is as a share of the channel's range (drift, noise) with a sign (drift).
/// </summary>
internal sealed record SensorFaultPlan(int Id, AnomalyKind Kind, int SlotStart, int SlotEnd, int Axis, double ChannelDraw, double StartDraw, double DurationSeconds, double RangeShare, int Sign)
    : PlannedAnomaly(Id, Kind, SlotStart, SlotEnd);
