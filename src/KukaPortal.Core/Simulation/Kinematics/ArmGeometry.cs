namespace KukaPortal.Core.Simulation.Kinematics;

/// <summary>
/// Lengths (m) and masses (kg) of a 6-axis arm of the 16 kg / 1.6 m class (KR 16-like; the values are
/// plausible, not a datasheet). The arm is seen as a chain in the vertical plane that A1 rotates:
/// A2 (shoulder) and A3 (elbow) lift it, A4 rolls the wrist, A5 bends it, A6 turns the flange.
/// </summary>
internal sealed record ArmGeometry
{
    public static ArmGeometry Default { get; } = new();

    /// <summary>Horizontal offset of the A2 axis from the A1 axis.</summary>
    public double ShoulderOffset { get; init; } = 0.26;

    /// <summary>Height of the A2 axis above the floor.</summary>
    public double ShoulderHeight { get; init; } = 0.675;

    public double UpperArmLength { get; init; } = 0.68;
    public double ForearmLength { get; init; } = 0.67;

    /// <summary>Wrist centre to the gripper's centre of mass.</summary>
    public double ToolCentreOfMass { get; init; } = 0.12;

    /// <summary>Wrist centre to the part's centre of mass (the gripper's fingers).</summary>
    public double PartCentreOfMass { get; init; } = 0.25;

    /// <summary>Sideways offset of the part's centre of mass from the A6 axis: it is what A6's gravity torque acts on.</summary>
    public double PartOffsetFromFlangeAxis { get; init; } = 0.02;

    /// <summary>Rotating column carried by A1 (motor, gear, A2/A3 drives).</summary>
    public double ColumnMass { get; init; } = 80;

    /// <summary>Radius of gyration of the column about A1.</summary>
    public double ColumnRadius { get; init; } = 0.25;

    public double UpperArmMass { get; init; } = 40;
    public double ForearmMass { get; init; } = 25;

    /// <summary>Share of the forearm length at which its centre of mass sits (the A4–A6 motors sit near the elbow).</summary>
    public double ForearmCentreOfMassShare { get; init; } = 0.35;

    /// <summary>Wrist housing at the wrist centre.</summary>
    public double WristMass { get; init; } = 8;

    public double GripperMass { get; init; } = 3;

    /// <summary>The robot's rated payload; heavier parts are not simulated.</summary>
    public double RatedPayload { get; init; } = 16;
}
