using KukaPortal.Core.Simulation.Dynamics;

namespace KukaPortal.Core.Simulation.Noise;

/// <summary>
/// Adds sensor noise to the measured channels. Commands are computed, not measured, so they stay
/// exact (the current set point gets a little, because the servo feeds back noisy encoder readings).
/// The following error and the torque are derived from the encoder and the current sensor, so their
/// noise is the same draw as that of the channel they come from.
/// </summary>
internal static class MeasurementNoise
{
    /// <summary>One-sigma noise per signal at noise level 1, in the channel's unit.</summary>
    public static double SigmaOf(AxisSignal signal) => signal switch
    {
        AxisSignal.PositionActual => 0.002,        // encoder resolution and vibration, degrees
        AxisSignal.VelocityActual => 0.05,         // differentiated encoder, deg/s
        AxisSignal.AccelerationActual => 3.0,      // differentiated twice, deg/s²
        AxisSignal.CurrentCommand => 0.005,
        AxisSignal.CurrentActual => 0.02,          // current sensor, A
        AxisSignal.Voltage => 0.5,
        AxisSignal.MotorTemperature => 0.05,       // KTY/PT1000 sensor, °C
        AxisSignal.Power => 1.5,                   // W
        _ => 0,
    };

    public static void Apply(float[] values, int rows, IReadOnlyList<AxisDrive> drives, Gaussian random, double level)
    {
        if (level <= 0) return;
        var noisy = Enum.GetValues<AxisSignal>().Where(s => SigmaOf(s) > 0).ToArray();
        var axes = drives.Count;
        // Per (axis, signal): the column, its sigma, and the column that shares its draw (or −1) with a factor.
        var column = new int[axes * noisy.Length];
        var sigma = new double[column.Length];
        var follower = new int[column.Length];
        var followerFactor = new double[column.Length];
        for (var axis = 0; axis < axes; axis++)
        {
            for (var k = 0; k < noisy.Length; k++)
            {
                var i = axis * noisy.Length + k;
                column[i] = RobotChannels.IndexOf(axis + 1, noisy[k]);
                sigma[i] = level * SigmaOf(noisy[k]);
                (follower[i], followerFactor[i]) = noisy[k] switch
                {
                    AxisSignal.PositionActual => (RobotChannels.IndexOf(axis + 1, AxisSignal.FollowingError), -1.0),
                    AxisSignal.CurrentActual => (RobotChannels.IndexOf(axis + 1, AxisSignal.TorqueActual), drives[axis].GearRatio * drives[axis].TorqueConstant),
                    _ => (-1, 0.0),
                };
            }
        }

        var channels = RobotChannels.Count;
        for (var row = 0; row < rows; row++)
        {
            var offset = (long)row * channels;
            for (var i = 0; i < column.Length; i++)
            {
                var noise = sigma[i] * random.Next();
                values[offset + column[i]] += (float)noise;
                if (follower[i] >= 0) values[offset + follower[i]] += (float)(noise * followerFactor[i]);
            }
        }
    }
}
