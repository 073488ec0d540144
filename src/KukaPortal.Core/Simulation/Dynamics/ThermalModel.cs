namespace KukaPortal.Core.Simulation.Dynamics;

/// <summary>
/// Motor winding temperature as one thermal mass: C·dT/dt = P − (T − T_ambient)/R_th with
/// P = R·I² + standby loss, i.e. a first-order lag of R_th·P with time constant R_th·C. Current does
/// not depend on temperature here, so the temperature is filled in after the run from the recorded
/// (noise-free) current, in one pass per axis.
/// </summary>
internal static class ThermalModel
{
    public static double HeatLoss(AxisDrive drive, double current) => drive.Resistance * current * current + drive.StandbyLoss;

    /// <param name="startHeat">
    /// Mean heat (W) per axis in normal operation, to start each motor at its steady temperature as if
    /// the robot had been running before the trace started; null starts every motor at ambient.
    /// </param>
    public static void Fill(float[] values, int rows, IReadOnlyList<AxisDrive> drives, double sampleRateHz, double ambient, double[]? startHeat)
    {
        var channels = RobotChannels.Count;
        for (var axis = 0; axis < drives.Count; axis++)
        {
            var drive = drives[axis];
            var keep = Math.Exp(-1 / (sampleRateHz * drive.ThermalTimeConstant));
            var rise = startHeat is null ? 0 : drive.ThermalResistance * startHeat[axis];
            var currentColumn = RobotChannels.IndexOf(axis + 1, AxisSignal.CurrentActual);
            var temperatureColumn = RobotChannels.IndexOf(axis + 1, AxisSignal.MotorTemperature);
            for (var row = 0; row < rows; row++)
            {
                var offset = (long)row * channels;
                values[offset + temperatureColumn] = (float)(ambient + rise);
                var steadyRise = drive.ThermalResistance * HeatLoss(drive, values[offset + currentColumn]);
                rise = steadyRise + (rise - steadyRise) * keep;
            }
        }
    }
}
