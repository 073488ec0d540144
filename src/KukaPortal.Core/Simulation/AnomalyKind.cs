namespace KukaPortal.Core.Simulation;

/// <summary>
/// The faults the simulator can inject. The first four change the robot's physics (the servo reacts
/// to them, so every channel of the axis tells the story); the last four corrupt only recorded
/// channels, as a fault in the measurement or logging path would.
/// </summary>
public enum AnomalyKind
{
    /// <summary>Some moves run at a lower override (50–80 %), like the KukaSlow recording of paper 000.</summary>
    Slowdown,

    /// <summary>A short external torque pulse on one axis during a move.</summary>
    Collision,

    /// <summary>A part much heavier than the configured load data is carried for one cycle.</summary>
    Payload,

    /// <summary>Bearing wear: the friction of one axis ramps up over several cycles.</summary>
    Friction,

    /// <summary>A slow additive drift on one measured channel.</summary>
    Drift,

    /// <summary>One measured channel freezes at its last value.</summary>
    Stuck,

    /// <summary>A short burst of high-variance noise on the measured electrical channels of one axis.</summary>
    Noise,

    /// <summary>The measured channels of one axis are NaN for a row range (a dropped drive telegram).</summary>
    Missing,
}
