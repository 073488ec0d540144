using System.Globalization;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// A sensor whose offset creeps away linearly (a Hall current sensor warming up, a loose thermocouple
/// contact): the offset grows from zero to its full size over the event and is gone after it, as
/// after a recalibration.
/// </summary>
internal static class SensorDrift
{
    public static readonly AxisSignal[] Candidates =
        [AxisSignal.PositionActual, AxisSignal.CurrentActual, AxisSignal.TorqueActual, AxisSignal.Voltage, AxisSignal.MotorTemperature, AxisSignal.Power];

    public static AnomalyEvent Apply(float[] values, int start, int length, int axis, AxisSignal signal, double offset)
    {
        var column = RobotChannels.IndexOf(axis, signal);
        for (var i = 0; i < length; i++)
            values[(long)(start + i) * RobotChannels.Count + column] += (float)(offset * (i + 1) / length);
        var name = RobotChannels.NameOf(axis, signal);
        return new AnomalyEvent(AnomalyKind.Drift, start, start + length, axis,
            string.Create(CultureInfo.InvariantCulture, $"{name} drifts by {offset:+0.###;-0.###} {RobotChannels.UnitOf(signal)} over {length} rows"))
        { Channels = [name] };
    }
}
