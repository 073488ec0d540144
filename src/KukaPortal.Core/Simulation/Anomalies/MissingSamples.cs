using System.Globalization;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// Lost drive telegrams: every measured channel of one axis is NaN for a row range, while the
/// controller's own commands (computed, not received) and the cycle/step counters stay valid.
/// Importers must expect NaN here.
/// </summary>
internal static class MissingSamples
{
    public static readonly AxisSignal[] Signals =
    [
        AxisSignal.PositionActual, AxisSignal.FollowingError, AxisSignal.VelocityActual, AxisSignal.AccelerationActual,
        AxisSignal.TorqueActual, AxisSignal.CurrentActual, AxisSignal.Voltage, AxisSignal.MotorTemperature, AxisSignal.Power,
    ];

    public static AnomalyEvent Apply(float[] values, int start, int length, int axis)
    {
        var columns = Signals.Select(s => RobotChannels.IndexOf(axis, s)).ToArray();
        for (var i = 0; i < length; i++)
        {
            var offset = (long)(start + i) * RobotChannels.Count;
            foreach (var column in columns) values[offset + column] = float.NaN;
        }
        return new AnomalyEvent(AnomalyKind.Missing, start, start + length, axis,
            string.Create(CultureInfo.InvariantCulture, $"Measured channels of A{axis} missing (NaN) for {length} rows"))
        { Channels = Signals.Select(s => RobotChannels.NameOf(axis, s)).ToArray() };
    }
}
