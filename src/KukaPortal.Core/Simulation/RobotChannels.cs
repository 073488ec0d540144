namespace KukaPortal.Core.Simulation;

/// <summary>
/// The channel layout of a simulated trace: for each axis A1..A6 the 14 <see cref="AxisSignal"/>s
/// (named <c>A{axis}_{suffix}</c>, axis-major), then <c>cycle</c> and <c>program_step</c>:
/// 6 × 14 + 2 = 86 channels, the width of the KUKA data set of paper 000.
/// </summary>
public static class RobotChannels
{
    public const int Axes = 6;
    public const string Cycle = "cycle";
    public const string ProgramStep = "program_step";

    private static readonly AxisSignal[] Signals = Enum.GetValues<AxisSignal>();

    public static int SignalsPerAxis => Signals.Length;

    /// <summary>All 86 channel names in column order.</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    public static int Count => Names.Count;

    /// <summary>Column of the cycle counter (0 for the first cycle).</summary>
    public static int CycleIndex => Axes * SignalsPerAxis;

    /// <summary>Column of the program step number (1–10, see <see cref="Simulation.ProgramStep"/>).</summary>
    public static int ProgramStepIndex => CycleIndex + 1;

    /// <summary>Column of one signal of one axis (1-based, as on the robot: A1..A6).</summary>
    public static int IndexOf(int axis, AxisSignal signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(axis, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axis, Axes);
        return (axis - 1) * SignalsPerAxis + (int)signal;
    }

    public static string NameOf(int axis, AxisSignal signal) => $"A{axis}_{SuffixOf(signal)}";

    public static string SuffixOf(AxisSignal signal) => signal switch
    {
        AxisSignal.PositionCommand => "pos_cmd",
        AxisSignal.PositionActual => "pos_act",
        AxisSignal.FollowingError => "pos_err",
        AxisSignal.VelocityCommand => "vel_cmd",
        AxisSignal.VelocityActual => "vel_act",
        AxisSignal.AccelerationCommand => "acc_cmd",
        AxisSignal.AccelerationActual => "acc_act",
        AxisSignal.TorqueFeedForward => "torque_ff",
        AxisSignal.TorqueActual => "torque_act",
        AxisSignal.CurrentCommand => "current_cmd",
        AxisSignal.CurrentActual => "current_act",
        AxisSignal.Voltage => "voltage",
        AxisSignal.MotorTemperature => "temp_motor",
        AxisSignal.Power => "power",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    public static string UnitOf(AxisSignal signal) => signal switch
    {
        AxisSignal.PositionCommand or AxisSignal.PositionActual or AxisSignal.FollowingError => "deg",
        AxisSignal.VelocityCommand or AxisSignal.VelocityActual => "deg/s",
        AxisSignal.AccelerationCommand or AxisSignal.AccelerationActual => "deg/s^2",
        AxisSignal.TorqueFeedForward or AxisSignal.TorqueActual => "Nm",
        AxisSignal.CurrentCommand or AxisSignal.CurrentActual => "A",
        AxisSignal.Voltage => "V",
        AxisSignal.MotorTemperature => "degC",
        AxisSignal.Power => "W",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    private static string[] BuildNames()
    {
        var names = new List<string>(Axes * Signals.Length + 2);
        for (var axis = 1; axis <= Axes; axis++)
            names.AddRange(Signals.Select(signal => NameOf(axis, signal)));
        names.Add(Cycle);
        names.Add(ProgramStep);
        return names.ToArray();
    }
}
