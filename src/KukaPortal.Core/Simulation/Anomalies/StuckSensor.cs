using System.Globalization;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>A channel that repeats its last good value, as when a sensor or its bus frame stops updating.</summary>
internal static class StuckSensor
{
    public static readonly AxisSignal[] Candidates =
        [AxisSignal.PositionActual, AxisSignal.VelocityActual, AxisSignal.CurrentActual, AxisSignal.TorqueActual, AxisSignal.Voltage, AxisSignal.MotorTemperature, AxisSignal.Power];

    /// <param name="start">First frozen row; must be at least 1, the row before holds the value that sticks.</param>
    public static AnomalyEvent Apply(float[] values, int start, int length, int axis, AxisSignal signal)
    {
        var column = RobotChannels.IndexOf(axis, signal);
        var frozen = values[(long)(start - 1) * RobotChannels.Count + column];
        for (var i = 0; i < length; i++)
            values[(long)(start + i) * RobotChannels.Count + column] = frozen;
        var name = RobotChannels.NameOf(axis, signal);
        return new AnomalyEvent(AnomalyKind.Stuck, start, start + length, axis,
            string.Create(CultureInfo.InvariantCulture, $"{name} stuck at {frozen:G5} {RobotChannels.UnitOf(signal)} for {length} rows"))
        { Channels = [name] };
    }
}
