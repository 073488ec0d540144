using KukaPortal.Core.Simulation.Motion;

namespace KukaPortal.Core.Simulation.Program;

/// <summary>
/// One executed program step on the continuous time line: a synchronous PTP move (or a dwell, whose
/// delta is zero) with the load the arm carries and the load the controller believes it carries.
/// </summary>
internal sealed class Segment
{
    public required int Cycle { get; init; }
    public required ProgramStep Step { get; init; }
    public required double Start { get; init; }
    public required double Duration { get; init; }

    /// <summary>Joint angles (rad) at the start.</summary>
    public required double[] From { get; init; }

    /// <summary>Joint travel (rad); all zero for a dwell.</summary>
    public required double[] Delta { get; init; }

    public required SCurveProfile Profile { get; init; }

    /// <summary>Mass of the part in the gripper (kg); 0 when empty.</summary>
    public required double PartMass { get; init; }

    /// <summary>Part mass in the load data the program activated: the feed-forward model uses this one.</summary>
    public required double ConfiguredPartMass { get; init; }

    /// <summary>Velocity override the move ran at (1 = as programmed).</summary>
    public required double Override { get; init; }

    public double End => Start + Duration;

    public bool IsMove => Profile.Duration > 0;

    /// <summary>Commanded position (rad), velocity (rad/s) and acceleration (rad/s²) of every axis at time t into the step.</summary>
    public void Command(double t, Span<double> position, Span<double> velocity, Span<double> acceleration)
    {
        var (s, ds, dds) = Profile.Evaluate(t);
        for (var axis = 0; axis < From.Length; axis++)
        {
            position[axis] = From[axis] + Delta[axis] * s;
            velocity[axis] = Delta[axis] * ds;
            acceleration[axis] = Delta[axis] * dds;
        }
    }
}
