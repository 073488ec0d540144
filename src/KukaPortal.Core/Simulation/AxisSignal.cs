namespace KukaPortal.Core.Simulation;

/// <summary>
/// The 14 signals a drive reports per axis, in channel order. Commands come from the interpolator
/// and the controller's model; "actual" values are measured (encoder, current sensor) and carry noise.
/// </summary>
public enum AxisSignal
{
    /// <summary><c>pos_cmd</c>, degrees: the interpolated set point.</summary>
    PositionCommand,

    /// <summary><c>pos_act</c>, degrees: the encoder reading.</summary>
    PositionActual,

    /// <summary><c>pos_err</c>, degrees: following error, command minus actual.</summary>
    FollowingError,

    /// <summary><c>vel_cmd</c>, degrees per second.</summary>
    VelocityCommand,

    /// <summary><c>vel_act</c>, degrees per second.</summary>
    VelocityActual,

    /// <summary><c>acc_cmd</c>, degrees per second squared.</summary>
    AccelerationCommand,

    /// <summary><c>acc_act</c>, degrees per second squared.</summary>
    AccelerationActual,

    /// <summary><c>torque_ff</c>, newton metres at the joint: the model-based feed-forward (configured load data).</summary>
    TorqueFeedForward,

    /// <summary><c>torque_act</c>, newton metres at the joint: motor torque computed from the measured current.</summary>
    TorqueActual,

    /// <summary><c>current_cmd</c>, amperes: the servo's torque-producing current set point.</summary>
    CurrentCommand,

    /// <summary><c>current_act</c>, amperes: the measured torque-producing current.</summary>
    CurrentActual,

    /// <summary><c>voltage</c>, volts: winding resistance drop plus back EMF.</summary>
    Voltage,

    /// <summary><c>temp_motor</c>, degrees Celsius: winding temperature.</summary>
    MotorTemperature,

    /// <summary><c>power</c>, watts: electrical power drawn by the motor (negative while braking).</summary>
    Power,
}
