namespace KukaPortal.Core.Simulation;

/// <summary>
/// The steps of the simulated pick-and-place program, numbered as the <c>program_step</c> channel
/// reports them. Moves are point-to-point (PTP); Home, Grip and Release are dwells.
/// </summary>
public enum ProgramStep
{
    /// <summary>Wait at home for the next part (the conveyor's timing varies).</summary>
    Home = 1,
    ApproachPick = 2,
    DescendPick = 3,

    /// <summary>Dwell while the gripper closes.</summary>
    Grip = 4,

    /// <summary>The part leaves the table here: from now on the arm carries it.</summary>
    Lift = 5,
    Transfer = 6,
    DescendPlace = 7,

    /// <summary>Dwell while the gripper opens; the part rests on the table again.</summary>
    Release = 8,
    Retreat = 9,
    ReturnHome = 10,
}
