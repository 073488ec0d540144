using KukaPortal.Core.Simulation.Anomalies;

namespace KukaPortal.Core.Simulation.Dynamics;

/// <summary>
/// A cascaded position/velocity servo with model-based feed-forward, per axis:
/// τ = Ĵ·(k_a·q̈* + K_v·(k_v·q̇* + K_p·e − q̇)) + Ĝ + F̂, where * marks commands, e = q* − q the
/// following error, and hats the controller's model (configured load data, nominal friction).
/// The arm answers J·q̈ = τ − G − F − τ_ext. Whatever the model misses (a heavier part, worn bearings,
/// an obstacle) shows up first as following error and then, through the loop, as extra current.
/// The state is the following error and its rate; it is integrated in substeps of at most 1 ms because
/// the velocity loop (200 1/s) is far faster than the 12 ms trace.
/// </summary>
internal sealed class ServoLoop(int axes)
{
    /// <summary>Velocity loop bandwidth (1/s), a typical value for an industrial robot drive.</summary>
    public const double VelocityGain = 200;

    /// <summary>Position loop gain (1/s).</summary>
    public const double PositionGain = 30;

    /// <summary>Velocity feed-forward share below 1 leaves a following error of about (1 − k_v)·q̇/K_p while moving (~0.1° at full speed).</summary>
    public const double VelocityFeedForward = 0.98;

    public const double AccelerationFeedForward = 0.9;

    private const double MaxSubstep = 0.001;

    /// <summary>Following error per axis (rad).</summary>
    public double[] Error { get; } = new double[axes];

    /// <summary>Rate of the following error per axis (rad/s): commanded minus actual velocity.</summary>
    public double[] ErrorRate { get; } = new double[axes];

    public double MotorTorque(int axis, AxisLoads loads, double velocityCommand, double accelerationCommand) =>
        loads.ModelInertia[axis] * (AccelerationFeedForward * accelerationCommand
            + VelocityGain * (ErrorRate[axis] + PositionGain * Error[axis] - (1 - VelocityFeedForward) * velocityCommand))
        + loads.ModelBias[axis];

    /// <summary>The arm's actual acceleration (rad/s²) under the commanded motor torque.</summary>
    public double ActualAcceleration(int axis, AxisLoads loads, double motorTorque, double velocityCommand, double externalTorque)
    {
        var friction = loads.TrueFriction(axis, velocityCommand - ErrorRate[axis]);
        return (motorTorque - loads.TrueGravity[axis] - friction - externalTorque) / loads.TrueInertia[axis];
    }

    /// <summary>
    /// Integrates the following error over one trace period, holding the commands and loads of its
    /// start (they change little in 12 ms) and evaluating friction and external torque pulses at every substep.
    /// </summary>
    public void Advance(double start, double period, ReadOnlySpan<double> velocityCommand, ReadOnlySpan<double> accelerationCommand, AxisLoads loads, ProcessFaults faults)
    {
        var substeps = Math.Max(1, (int)Math.Ceiling(period / MaxSubstep - 1e-9));
        var h = period / substeps;
        for (var k = 0; k < substeps; k++)
        {
            var t = start + (k + 0.5) * h;
            for (var axis = 0; axis < Error.Length; axis++)
            {
                var torque = MotorTorque(axis, loads, velocityCommand[axis], accelerationCommand[axis]);
                var acceleration = ActualAcceleration(axis, loads, torque, velocityCommand[axis], faults.ExternalTorque(axis, t));
                // Semi-implicit Euler: stable because h·K_v = 0.2 and friction's slope near rest, over the inertia, stays below 1/h.
                ErrorRate[axis] += h * (accelerationCommand[axis] - acceleration);
                Error[axis] += h * ErrorRate[axis];
            }
        }
    }
}
