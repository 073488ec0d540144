namespace KukaPortal.Core.Simulation.Program;

/// <summary>
/// One line of the robot program: a PTP move to a taught point at a share of the axes' top speed and
/// acceleration (as in <c>PTP P1 Vel=25 % Acc=50 %</c>), or a dwell of a given length.
/// </summary>
internal sealed record StepDefinition(ProgramStep Step, TaughtPoint? Target, double VelocityShare, double AccelerationShare, double DwellSeconds)
{
    public bool IsDwell => Target is null;

    public static StepDefinition Move(ProgramStep step, TaughtPoint target, double velocityShare, double accelerationShare) =>
        new(step, target, velocityShare, accelerationShare, 0);

    public static StepDefinition Dwell(ProgramStep step, double seconds) => new(step, null, 0, 0, seconds);
}

/// <summary>The taught points of the pick-and-place cell.</summary>
internal enum TaughtPoint
{
    Home,
    AbovePick,
    AtPick,
    AbovePlace,
    AtPlace,
}
