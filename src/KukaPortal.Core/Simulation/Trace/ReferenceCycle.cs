using KukaPortal.Core.Simulation.Anomalies;
using KukaPortal.Core.Simulation.Dynamics;
using KukaPortal.Core.Simulation.Kinematics;
using KukaPortal.Core.Simulation.Program;

namespace KukaPortal.Core.Simulation.Trace;

/// <summary>
/// One nominal cycle (no variation, a part of mean mass, no faults) run before the real recording.
/// It tells how long a cycle lasts (to place anomalies), the largest torque of each axis (to size
/// collisions against) and each motor's mean heat (to start the motors warm).
/// </summary>
internal sealed record ReferenceCycle(double Seconds, double[] MaxTorque, double[] MeanHeat)
{
    public static ReferenceCycle Measure(ArmGeometry arm, IReadOnlyList<AxisDrive> drives, RobotSimulationOptions options)
    {
        var faults = ProcessFaults.None();
        var planner = new CyclePlanner(drives, options, _ => CycleVariation.Nominal(options), faults);
        var seconds = planner.Plan(0, 0)[^1].End;
        var rows = Math.Max(1, (int)Math.Floor(seconds * options.SampleRateHz));
        var trace = new TraceRecorder(arm, drives, options.SampleRateHz, planner, faults).Record(rows);

        var maxTorque = new double[drives.Count];
        var meanHeat = new double[drives.Count];
        for (var axis = 0; axis < drives.Count; axis++)
        {
            var torqueColumn = RobotChannels.IndexOf(axis + 1, AxisSignal.TorqueActual);
            var currentColumn = RobotChannels.IndexOf(axis + 1, AxisSignal.CurrentActual);
            for (var row = 0; row < rows; row++)
            {
                var offset = (long)row * RobotChannels.Count;
                maxTorque[axis] = Math.Max(maxTorque[axis], Math.Abs(trace.Values[offset + torqueColumn]));
                meanHeat[axis] += ThermalModel.HeatLoss(drives[axis], trace.Values[offset + currentColumn]) / rows;
            }
        }
        return new ReferenceCycle(seconds, maxTorque, meanHeat);
    }
}
