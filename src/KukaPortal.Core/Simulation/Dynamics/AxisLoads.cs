using KukaPortal.Core.Simulation.Anomalies;
using KukaPortal.Core.Simulation.Kinematics;

namespace KukaPortal.Core.Simulation.Dynamics;

/// <summary>
/// Inertia and the torque needed just to hold against gravity and friction, per axis, twice: as the
/// controller models them (commanded pose, configured load, nominal friction) and as they really are
/// (actual pose and velocity, carried part, worn friction).
/// </summary>
internal sealed class AxisLoads(IReadOnlyList<AxisDrive> drives, ArmGeometry arm)
{
    private readonly double[] linkInertia = new double[drives.Count];

    public double[] ModelInertia { get; } = new double[drives.Count];
    public double[] ModelGravity { get; } = new double[drives.Count];

    /// <summary>Model gravity plus model friction at the commanded velocity.</summary>
    public double[] ModelBias { get; } = new double[drives.Count];

    public double[] TrueInertia { get; } = new double[drives.Count];

    public double[] TrueGravity { get; } = new double[drives.Count];

    /// <summary>Factor on each axis's nominal friction (bearing wear).</summary>
    public double[] FrictionScale { get; } = new double[drives.Count];

    /// <summary>
    /// True friction at an actual velocity. It is evaluated at every servo substep rather than held,
    /// because near standstill friction changes steeply with speed and holding it for a whole trace
    /// period makes the simulated axis chatter.
    /// </summary>
    public double TrueFriction(int axis, double velocity) => Friction.Torque(drives[axis], velocity, FrictionScale[axis]);

    public void UpdateModel(ReadOnlySpan<double> commandedPosition, ReadOnlySpan<double> commandedVelocity, double configuredPartMass)
    {
        PoseLoads.Compute(commandedPosition, configuredPartMass, arm, ModelGravity, linkInertia);
        for (var axis = 0; axis < drives.Count; axis++)
        {
            ModelInertia[axis] = linkInertia[axis] + drives[axis].ReflectedInertia;
            ModelBias[axis] = ModelGravity[axis] + Friction.Torque(drives[axis], commandedVelocity[axis]);
        }
    }

    public void UpdateTrue(ReadOnlySpan<double> position, double partMass, ProcessFaults faults, double time)
    {
        PoseLoads.Compute(position, partMass, arm, TrueGravity, linkInertia);
        for (var axis = 0; axis < drives.Count; axis++)
        {
            TrueInertia[axis] = linkInertia[axis] + drives[axis].ReflectedInertia;
            FrictionScale[axis] = faults.FrictionScale(axis, time);
        }
    }
}
