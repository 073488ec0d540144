using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation.Anomalies;
using KukaPortal.Core.Simulation.Dynamics;
using KukaPortal.Core.Simulation.Kinematics;
using KukaPortal.Core.Simulation.Noise;
using KukaPortal.Core.Simulation.Program;
using KukaPortal.Core.Simulation.Trace;

namespace KukaPortal.Core.Simulation;

/// <summary>
/// Generates the controller trace of a 6-axis arm running a pick-and-place program, with labelled
/// anomalies. The output depends only on the options: the same options give the same values, labels
/// and events on every run (single-threaded, seeded streams; see <c>RandomStreams</c>).
/// </summary>
public static class RobotSimulator
{
    /// <exception cref="ArgumentException">An option is out of range, or the recording is too short for the requested anomalies.</exception>
    public static SimulatedRecording Generate(RobotSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var arm = ArmGeometry.Default;
        var drives = AxisDrive.Default;
        var reference = ReferenceCycle.Measure(arm, drives, options);
        var plans = AnomalySchedule.Plan(options, reference.Seconds);

        var faults = new ProcessFaults(plans, reference.MaxTorque, ConfiguredPartMass(options), arm.RatedPayload, reference.Seconds);
        var variation = new Gaussian(RandomStreams.Create(options.Seed, RandomPurpose.CycleVariation));
        var planner = new CyclePlanner(drives, options, _ => CycleVariation.Draw(variation, options), faults);
        var trace = new TraceRecorder(arm, drives, options.SampleRateHz, planner, faults).Record(options.Rows);

        ThermalModel.Fill(trace.Values, trace.Rows, drives, options.SampleRateHz, options.AmbientTemperatureC,
            options.MotorsStartWarm ? reference.MeanHeat : null);
        MeasurementNoise.Apply(trace.Values, trace.Rows, drives,
            new Gaussian(RandomStreams.Create(options.Seed, RandomPurpose.MeasurementNoise)), options.NoiseLevel);
        var sensorEvents = SensorFaults.Apply(trace.Values, trace.Rows, plans.OfType<SensorFaultPlan>(), trace.CycleStartRows,
            options.SampleRateHz, new Gaussian(RandomStreams.Create(options.Seed, RandomPurpose.SensorFaults)));

        var events = ProcessEvents(trace).Concat(sensorEvents).OrderBy(e => e.StartRow).ToArray();
        var labels = new bool[trace.Rows];
        foreach (var e in events) Array.Fill(labels, true, e.StartRow, e.Length);
        var timestamps = new double[trace.Rows];
        for (var row = 0; row < timestamps.Length; row++) timestamps[row] = row / options.SampleRateHz;

        return new SimulatedRecording(new TimeSeries(RobotChannels.Names, trace.Values, timestamps, labels), events);
    }

    /// <summary>The nominal cycle's length in seconds at these options (program override included).</summary>
    public static double NominalCycleSeconds(RobotSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CyclePlanner(AxisDrive.Default, options, _ => CycleVariation.Nominal(options), ProcessFaults.None()).Plan(0, 0)[^1].End;
    }

    private static double ConfiguredPartMass(RobotSimulationOptions options) => (options.PartMassMinKg + options.PartMassMaxKg) / 2;

    /// <summary>Each physical fault becomes one event over the rows sampled while it was in effect.</summary>
    private static IEnumerable<AnomalyEvent> ProcessEvents(RecordedTrace trace)
    {
        var first = new Dictionary<FaultWindow, int>();
        var last = new Dictionary<FaultWindow, int>();
        for (var row = 0; row < trace.Rows; row++)
        {
            if (trace.ActiveFault[row] is not { } window) continue;
            first.TryAdd(window, row);
            last[window] = row;
        }
        return first.Select(pair => new AnomalyEvent(pair.Key.Kind, pair.Value, last[pair.Key] + 1, pair.Key.Axis, pair.Key.Description));
    }
}
