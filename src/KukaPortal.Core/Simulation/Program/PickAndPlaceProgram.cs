namespace KukaPortal.Core.Simulation.Program;

/// <summary>
/// The simulated cell's program: fetch a part from the infeed on the right, put it down on the left,
/// go home. Approach and departure are slow and gentle (25 % speed) near the parts; the long
/// transfers run at full speed, so one cycle holds both gentle and hard moves.
/// </summary>
internal static class PickAndPlaceProgram
{
    /// <summary>Taught joint angles in degrees (A1..A6). The tool points straight down at the four cell points.</summary>
    public static double[] PointDegrees(TaughtPoint point) => point switch
    {
        TaughtPoint.Home => [0, -90, 90, 0, 0, 0],
        TaughtPoint.AbovePick => [-35, -75, 110, 10, 55, -25],
        TaughtPoint.AtPick => [-35, -62, 112, 10, 40, -25],
        TaughtPoint.AbovePlace => [50, -80, 105, -15, 65, 60],
        TaughtPoint.AtPlace => [50, -68, 108, -15, 50, 60],
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

    /// <summary>The program, one entry per <see cref="ProgramStep"/> in order; it starts and ends at home.</summary>
    public static IReadOnlyList<StepDefinition> Steps { get; } =
    [
        StepDefinition.Dwell(ProgramStep.Home, 0.8),
        StepDefinition.Move(ProgramStep.ApproachPick, TaughtPoint.AbovePick, 1.0, 1.0),
        StepDefinition.Move(ProgramStep.DescendPick, TaughtPoint.AtPick, 0.25, 0.5),
        StepDefinition.Dwell(ProgramStep.Grip, 0.5),
        StepDefinition.Move(ProgramStep.Lift, TaughtPoint.AbovePick, 0.25, 0.5),
        StepDefinition.Move(ProgramStep.Transfer, TaughtPoint.AbovePlace, 1.0, 1.0),
        StepDefinition.Move(ProgramStep.DescendPlace, TaughtPoint.AtPlace, 0.25, 0.5),
        StepDefinition.Dwell(ProgramStep.Release, 0.4),
        StepDefinition.Move(ProgramStep.Retreat, TaughtPoint.AbovePlace, 0.25, 0.5),
        StepDefinition.Move(ProgramStep.ReturnHome, TaughtPoint.Home, 1.0, 1.0),
    ];

    public static int StepsPerCycle => Steps.Count;

    /// <summary>True while the part hangs in the gripper: from lift-off until it is set down for release.</summary>
    public static bool CarriesPart(ProgramStep step) => step is ProgramStep.Lift or ProgramStep.Transfer or ProgramStep.DescendPlace;

    /// <summary>The long moves, where the arm is fast and a collision with something in the cell is likeliest.</summary>
    public static bool IsTransit(ProgramStep step) => step is ProgramStep.ApproachPick or ProgramStep.Transfer or ProgramStep.ReturnHome;
}
