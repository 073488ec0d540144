using System.Globalization;
using KukaPortal.Core.Simulation.Noise;

namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// Electromagnetic interference on one drive's measurements (a welding gun firing, a bad cable
/// shield): the current, torque, voltage and power readings of one axis turn noisy for a moment.
/// </summary>
internal static class NoiseBurst
{
    public static readonly AxisSignal[] Signals = [AxisSignal.CurrentActual, AxisSignal.TorqueActual, AxisSignal.Voltage, AxisSignal.Power];

    public static AnomalyEvent Apply(float[] values, int start, int length, int axis, double rangeShare, ChannelRanges ranges, Gaussian random)
    {
        var columns = Signals.Select(s => RobotChannels.IndexOf(axis, s)).ToArray();
        var sigmas = columns.Select(c => rangeShare * ranges.Of(c)).ToArray();
        for (var i = 0; i < length; i++)
        {
            var offset = (long)(start + i) * RobotChannels.Count;
            for (var k = 0; k < columns.Length; k++)
                values[offset + columns[k]] += (float)(sigmas[k] * random.Next());
        }
        return new AnomalyEvent(AnomalyKind.Noise, start, start + length, axis,
            string.Create(CultureInfo.InvariantCulture, $"Noise burst on the A{axis} drive's current, torque, voltage and power: sigma {rangeShare * 100:F0} % of range for {length} rows"))
        { Channels = Signals.Select(s => RobotChannels.NameOf(axis, s)).ToArray() };
    }
}
