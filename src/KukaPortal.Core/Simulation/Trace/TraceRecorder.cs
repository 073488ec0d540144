using KukaPortal.Core.Simulation.Anomalies;
using KukaPortal.Core.Simulation.Dynamics;
using KukaPortal.Core.Simulation.Kinematics;
using KukaPortal.Core.Simulation.Program;

namespace KukaPortal.Core.Simulation.Trace;

/// <summary>
/// Samples the running robot like the controller's trace: at every tick it evaluates the commanded
/// motion, advances the servo, works out torques, currents, voltage and power, and writes one row.
/// Cycles are planned one ahead of the sampled time, so a fault that spans a cycle boundary is known
/// in full before its first row is written.
/// </summary>
internal sealed class TraceRecorder(ArmGeometry arm, IReadOnlyList<AxisDrive> drives, double sampleRateHz, CyclePlanner planner, ProcessFaults faults)
{
    /// <summary>Current loop time constant (s): the measured current trails its set point this much.</summary>
    private const double CurrentLoopTimeConstant = 0.002;

    public RecordedTrace Record(int rows)
    {
        var channels = RobotChannels.Count;
        var values = new float[(long)rows * channels];
        var active = new FaultWindow?[rows];
        var cycleStarts = new List<int>();
        var axes = drives.Count;
        var period = 1 / sampleRateHz;
        var currentDecay = Math.Exp(-period / CurrentLoopTimeConstant);

        var servo = new ServoLoop(axes);
        var loads = new AxisLoads(drives, arm);
        var timeline = new List<Segment>();
        var segmentIndex = 0;
        var nextCycle = 0;
        var lastCycleStart = double.NegativeInfinity;
        var previousCycle = -1;
        Span<double> position = stackalloc double[axes];
        Span<double> velocity = stackalloc double[axes];
        Span<double> acceleration = stackalloc double[axes];
        Span<double> heldVelocity = stackalloc double[axes];
        Span<double> heldAcceleration = stackalloc double[axes];
        Span<double> actualPosition = stackalloc double[axes];
        Span<double> actualVelocity = stackalloc double[axes];
        Span<double> measuredCurrent = stackalloc double[axes];

        for (var row = 0; row < rows; row++)
        {
            var t = row / sampleRateHz;
            while (lastCycleStart <= t)
            {
                var start = timeline.Count == 0 ? 0 : timeline[^1].End;
                timeline.AddRange(planner.Plan(nextCycle++, start));
                lastCycleStart = start;
            }
            while (timeline[segmentIndex].End <= t && segmentIndex < timeline.Count - 1) segmentIndex++;
            var segment = timeline[segmentIndex];

            if (row > 0) servo.Advance((row - 1) / sampleRateHz, period, heldVelocity, heldAcceleration, loads, faults);

            segment.Command(t - segment.Start, position, velocity, acceleration);
            for (var axis = 0; axis < axes; axis++)
            {
                actualPosition[axis] = position[axis] - servo.Error[axis];
                actualVelocity[axis] = velocity[axis] - servo.ErrorRate[axis];
            }
            loads.UpdateModel(position, velocity, segment.ConfiguredPartMass);
            loads.UpdateTrue(actualPosition, segment.PartMass, faults, t);

            var offset = (long)row * channels;
            for (var axis = 0; axis < axes; axis++)
            {
                var drive = drives[axis];
                var torque = servo.MotorTorque(axis, loads, velocity[axis], acceleration[axis]);
                var actualAcceleration = servo.ActualAcceleration(axis, loads, torque, velocity[axis], faults.ExternalTorque(axis, t));
                var currentCommand = torque / (drive.GearRatio * drive.TorqueConstant);
                // First-order current loop: exact update for a set point held over the period.
                var current = row == 0 ? currentCommand : currentCommand + (measuredCurrent[axis] - currentCommand) * currentDecay;
                measuredCurrent[axis] = current;
                var deliveredTorque = current * drive.GearRatio * drive.TorqueConstant;
                var motorSpeed = actualVelocity[axis] * drive.GearRatio;
                var copperLoss = drive.Resistance * current * current;

                var column = offset + axis * RobotChannels.SignalsPerAxis;
                Write(values, column, AxisSignal.PositionCommand, Degrees(position[axis]));
                Write(values, column, AxisSignal.PositionActual, Degrees(actualPosition[axis]));
                Write(values, column, AxisSignal.FollowingError, Degrees(servo.Error[axis]));
                Write(values, column, AxisSignal.VelocityCommand, Degrees(velocity[axis]));
                Write(values, column, AxisSignal.VelocityActual, Degrees(actualVelocity[axis]));
                Write(values, column, AxisSignal.AccelerationCommand, Degrees(acceleration[axis]));
                Write(values, column, AxisSignal.AccelerationActual, Degrees(actualAcceleration));
                Write(values, column, AxisSignal.TorqueFeedForward,
                    loads.ModelInertia[axis] * ServoLoop.AccelerationFeedForward * acceleration[axis] + loads.ModelBias[axis]);
                Write(values, column, AxisSignal.TorqueActual, deliveredTorque);
                Write(values, column, AxisSignal.CurrentCommand, currentCommand);
                Write(values, column, AxisSignal.CurrentActual, current);
                // Terminal voltage: resistive drop plus back EMF (k_e = k_t in SI units); inductance is negligible at 12 ms.
                Write(values, column, AxisSignal.Voltage, drive.Resistance * current + drive.TorqueConstant * motorSpeed);
                // Electrical power = mechanical power at the joint (gear losses are in the friction) + copper loss.
                Write(values, column, AxisSignal.Power, deliveredTorque * actualVelocity[axis] + copperLoss);

                heldVelocity[axis] = velocity[axis];
                heldAcceleration[axis] = acceleration[axis];
            }
            values[offset + RobotChannels.CycleIndex] = segment.Cycle;
            values[offset + RobotChannels.ProgramStepIndex] = (int)segment.Step;
            active[row] = faults.ActiveAt(t);
            if (segment.Cycle != previousCycle)
            {
                cycleStarts.Add(row);
                previousCycle = segment.Cycle;
            }
        }
        return new RecordedTrace(values, rows, active, cycleStarts);
    }

    private static void Write(float[] values, long column, AxisSignal signal, double value) => values[column + (int)signal] = (float)value;

    private static double Degrees(double radians) => radians * (180 / Math.PI);
}
