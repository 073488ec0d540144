namespace KukaPortal.Core.Simulation.Motion;

/// <summary>
/// A normalised point-to-point profile s(t) from 0 to 1: the speed rises as sin² over the ramp time,
/// cruises, and falls back the same way. Unlike a plain trapezoid the acceleration is continuous
/// (a half sine), so jerk is finite and currents have no steps, as with a real S-curve interpolator.
/// All axes of a PTP move share one profile, scaled by their own distance, so they start and stop
/// together like KUKA's synchronous PTP.
/// </summary>
internal readonly record struct SCurveProfile(double RampTime, double CruiseTime)
{
    public double Duration => 2 * RampTime + CruiseTime;

    /// <summary>
    /// The fastest common profile for the given joint distances within each axis's speed and
    /// acceleration, stretched by 1/<paramref name="speedOverride"/>: an override scales speeds by k and
    /// accelerations by k², which is how the controller's velocity override acts.
    /// </summary>
    public static SCurveProfile Synchronized(ReadOnlySpan<double> distance, ReadOnlySpan<double> maxVelocity, ReadOnlySpan<double> maxAcceleration, double speedOverride)
    {
        // With ramp ta and cruise tc the peak normalised speed is 1/S (S = ta + tc) and the peak
        // acceleration π/(2·ta·S). Limits: S ≥ Dᵢ/vᵢ and ta·S ≥ π·Dᵢ/(2aᵢ). The duration ta + S is
        // shortest at S = max(speed bound, √(acceleration bound)), ta = acceleration bound / S.
        double speedBound = 0, accelerationBound = 0;
        for (var i = 0; i < distance.Length; i++)
        {
            var d = Math.Abs(distance[i]);
            speedBound = Math.Max(speedBound, d / maxVelocity[i]);
            accelerationBound = Math.Max(accelerationBound, Math.PI * d / (2 * maxAcceleration[i]));
        }
        if (accelerationBound <= 0) return new SCurveProfile(0, 0);

        var span = Math.Max(speedBound, Math.Sqrt(accelerationBound));
        var ramp = accelerationBound / span;
        var stretch = 1 / speedOverride;
        return new SCurveProfile(ramp * stretch, (span - ramp) * stretch);
    }

    /// <summary>Position share, its rate (1/s) and its second derivative (1/s²) at time t into the move.</summary>
    public (double Position, double Velocity, double Acceleration) Evaluate(double t)
    {
        if (Duration <= 0 || t >= Duration) return (1, 0, 0);
        if (t <= 0) return (0, 0, 0);

        var peak = 1 / (RampTime + CruiseTime);
        if (t < RampTime)
        {
            var (position, velocity, acceleration) = Ramp(t, peak);
            return (position, velocity, acceleration);
        }
        if (t <= RampTime + CruiseTime)
            return (peak * (RampTime / 2 + (t - RampTime)), peak, 0);

        // The braking ramp mirrors the starting ramp in time.
        var (p, v, a) = Ramp(Duration - t, peak);
        return (1 - p, v, -a);
    }

    private (double Position, double Velocity, double Acceleration) Ramp(double t, double peak)
    {
        var (sin, cos) = Math.SinCos(Math.PI * t / RampTime);
        return (
            peak * (t / 2 - RampTime / (2 * Math.PI) * sin),
            peak * (1 - cos) / 2,
            peak * Math.PI / (2 * RampTime) * sin);
    }
}
