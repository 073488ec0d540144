namespace KukaPortal.Core.Simulation.Dynamics;

/// <summary>
/// Joint friction: Coulomb (constant, opposing motion) plus viscous (proportional to speed). The sign
/// change at rest is smoothed with tanh over about 1°/s (0.02 rad/s), because a hard step would
/// make the current jump between two samples at every stop, which a real drive does not show.
/// </summary>
internal static class Friction
{
    private const double SmoothingVelocity = 0.02;

    public static double Torque(AxisDrive drive, double velocity, double scale = 1.0) =>
        scale * (drive.CoulombFriction * Math.Tanh(velocity / SmoothingVelocity) + drive.ViscousFriction * velocity);
}
