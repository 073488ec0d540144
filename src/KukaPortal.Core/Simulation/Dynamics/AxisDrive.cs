namespace KukaPortal.Core.Simulation.Dynamics;

/// <summary>
/// Motor, gear and limits of one axis. All torques are on the joint side; the motor turns
/// <see cref="GearRatio"/> times faster and gives 1/<see cref="GearRatio"/> of the torque.
/// </summary>
internal sealed record AxisDrive
{
    public required double GearRatio { get; init; }

    /// <summary>Motor rotor inertia (kg·m²); the joint feels it multiplied by the ratio squared.</summary>
    public required double MotorInertia { get; init; }

    /// <summary>Torque constant (N·m/A), equal to the back-EMF constant (V·s/rad) in SI units.</summary>
    public required double TorqueConstant { get; init; }

    /// <summary>Winding resistance (Ω) seen by the torque-producing current: copper loss is R·I².</summary>
    public required double Resistance { get; init; }

    /// <summary>Coulomb friction of gear and bearings (N·m at the joint).</summary>
    public required double CoulombFriction { get; init; }

    /// <summary>Viscous friction (N·m·s/rad at the joint): oil churning in the gearbox.</summary>
    public required double ViscousFriction { get; init; }

    /// <summary>Top joint speed (rad/s) at 100 % programmed velocity.</summary>
    public required double MaxVelocity { get; init; }

    /// <summary>Top joint acceleration (rad/s²) at 100 % programmed acceleration.</summary>
    public required double MaxAcceleration { get; init; }

    /// <summary>Winding-to-ambient thermal resistance (K/W).</summary>
    public required double ThermalResistance { get; init; }

    /// <summary>Thermal time constant (s) of the motor's single-node model.</summary>
    public required double ThermalTimeConstant { get; init; }

    /// <summary>Heat produced while the servo is on but idle (iron losses, holding brake released), in W.</summary>
    public required double StandbyLoss { get; init; }

    public double ReflectedInertia => MotorInertia * GearRatio * GearRatio;

    /// <summary>
    /// The six drives of the KR 16-like arm. Speeds are a KR 16's datasheet order of magnitude
    /// (156°/s on the main axes, 330–615°/s on the wrist); ratios keep the motors below ~5,500 rpm.
    /// </summary>
    public static IReadOnlyList<AxisDrive> Default { get; } =
    [
        Main(ratio: 160, coulomb: 30, viscous: 40, maxDegPerS: 156, accDegPerS2: 260) with { ThermalTimeConstant = 1200 },
        Main(ratio: 160, coulomb: 35, viscous: 45, maxDegPerS: 156, accDegPerS2: 260) with { ThermalTimeConstant = 1200 },
        Main(ratio: 140, coulomb: 20, viscous: 25, maxDegPerS: 156, accDegPerS2: 300) with { TorqueConstant = 0.9, Resistance = 2.5, ThermalResistance = 1.5, StandbyLoss = 5 },
        Wrist(ratio: 100, coulomb: 4, viscous: 3, maxDegPerS: 330, accDegPerS2: 700),
        Wrist(ratio: 100, coulomb: 4, viscous: 3, maxDegPerS: 330, accDegPerS2: 700),
        Wrist(ratio: 50, coulomb: 2, viscous: 1.5, maxDegPerS: 615, accDegPerS2: 1200) with { TorqueConstant = 0.35, Resistance = 5, ThermalResistance = 3, ThermalTimeConstant = 500, StandbyLoss = 2 },
    ];

    private static AxisDrive Main(double ratio, double coulomb, double viscous, double maxDegPerS, double accDegPerS2) => new()
    {
        GearRatio = ratio,
        MotorInertia = 5e-4,
        TorqueConstant = 1.1,
        Resistance = 2.0,
        CoulombFriction = coulomb,
        ViscousFriction = viscous,
        MaxVelocity = maxDegPerS * Math.PI / 180,
        MaxAcceleration = accDegPerS2 * Math.PI / 180,
        ThermalResistance = 1.2,
        ThermalTimeConstant = 900,
        StandbyLoss = 6,
    };

    private static AxisDrive Wrist(double ratio, double coulomb, double viscous, double maxDegPerS, double accDegPerS2) => new()
    {
        GearRatio = ratio,
        MotorInertia = 1e-4,
        TorqueConstant = 0.45,
        Resistance = 4.0,
        CoulombFriction = coulomb,
        ViscousFriction = viscous,
        MaxVelocity = maxDegPerS * Math.PI / 180,
        MaxAcceleration = accDegPerS2 * Math.PI / 180,
        ThermalResistance = 2.5,
        ThermalTimeConstant = 600,
        StandbyLoss = 3,
    };
}
