namespace KukaPortal.Core.Simulation.Kinematics;

/// <summary>
/// Gravity torque and link inertia of every joint for a pose and a carried part.
/// <para>
/// Angles follow the KUKA convention (radians here): A2 = −90° holds the upper arm upright, A3 = +90°
/// then holds the forearm level, A5 = +90° points the tool down from a level forearm. So the upper
/// arm's elevation above the horizon is −A2, the forearm's is −A2 − A3.
/// </para>
/// <para>
/// Gravity: the holding torque of joint i is ∂U/∂qᵢ with U = g·Σ mₖ·zₖ (Lagrange), so it is written
/// from the analytic derivatives of each mass's height. Inertia: only the diagonal (each joint sees
/// the masses beyond it at their distance from its axis, plus rod self-inertia); the coupling and
/// Coriolis terms are left out because they stay small next to the reflected motor inertia at
/// pick-and-place speeds.
/// </para>
/// </summary>
internal static class PoseLoads
{
    private const double G = 9.81;

    public static void Compute(ReadOnlySpan<double> q, double partMass, ArmGeometry arm, Span<double> gravity, Span<double> inertia)
    {
        var (s2, c2) = Math.SinCos(-q[1]);
        var (s3, c3) = Math.SinCos(-q[1] - q[2]);
        var (s4, c4) = Math.SinCos(q[3]);
        var (s5, c5) = Math.SinCos(q[4]);
        var (s6, c6) = Math.SinCos(q[5]);

        double l2 = arm.UpperArmLength, l3 = arm.ForearmLength, kf = arm.ForearmCentreOfMassShare;
        double dt = arm.ToolCentreOfMass, dp = arm.PartCentreOfMass;
        double mu = arm.UpperArmMass, mf = arm.ForearmMass, mw = arm.WristMass, mt = arm.GripperMass, mp = partMass;

        // Tool direction: along the forearm bent by A5, the bend rolled out of the arm plane by A4.
        var toolRadial = c3 * c5 + s3 * s5 * c4;   // horizontal, in the arm plane
        var toolSide = s5 * s4;                    // horizontal, out of the arm plane
        var toolUp = s3 * c5 - c3 * s5 * c4;       // vertical

        // Positions in the arm plane relative to the A2 axis (radial, up).
        double elbowR = l2 * c2, elbowZ = l2 * s2;
        double wristR = elbowR + l3 * c3, wristZ = elbowZ + l3 * s3;
        double toolMoment = mt * dt + mp * dp;     // first moment of the masses beyond the wrist
        double toolSecond = mt * dt * dt + mp * dp * dp;
        double beyondElbow = mw + mt + mp;

        // ∂z/∂q for each mass, summed with its weight. −A2 and −A2 − A3 are the elevations, hence the minus signs.
        gravity[0] = 0; // A1 turns about the vertical: gravity does no work on it.
        gravity[1] = -G * (mu * 0.5 * l2 * c2 + mf * (l2 * c2 + kf * l3 * c3) + beyondElbow * (l2 * c2 + l3 * c3) + toolMoment * toolRadial);
        gravity[2] = -G * (mf * kf * l3 * c3 + beyondElbow * l3 * c3 + toolMoment * toolRadial);
        gravity[3] = G * toolMoment * c3 * s5 * s4;
        gravity[4] = G * toolMoment * (-s3 * s5 - c3 * c5 * c4);
        // The part's offset from the flange axis rises and falls as A6 turns, most when the flange faces sideways.
        gravity[5] = G * mp * arm.PartOffsetFromFlangeAxis * c6 * Math.Sqrt(Math.Max(0, 1 - toolUp * toolUp));

        // A1: every mass at its horizontal distance from the A1 axis (column as a radius of gyration).
        double a1 = arm.ShoulderOffset;
        double upperR = a1 + 0.5 * l2 * c2, foreR = a1 + elbowR + kf * l3 * c3, wristA1 = a1 + wristR;
        double toolR = wristA1 + dt * toolRadial, partR = wristA1 + dp * toolRadial;
        inertia[0] = arm.ColumnMass * arm.ColumnRadius * arm.ColumnRadius
            + mu * (upperR * upperR + l2 * l2 * c2 * c2 / 12)
            + mf * (foreR * foreR + l3 * l3 * c3 * c3 / 12)
            + mw * wristA1 * wristA1
            + mt * (toolR * toolR + Square(dt * toolSide))
            + mp * (partR * partR + Square(dp * toolSide));

        // A2 and A3: squared distances in the arm plane from each axis (rods about their end or centre).
        inertia[1] = mu * l2 * l2 / 3
            + mf * (DistanceSquared(elbowR + kf * l3 * c3, elbowZ + kf * l3 * s3) + l3 * l3 / 12)
            + mw * DistanceSquared(wristR, wristZ)
            + mt * DistanceSquared(wristR + dt * toolRadial, wristZ + dt * toolUp)
            + mp * DistanceSquared(wristR + dp * toolRadial, wristZ + dp * toolUp);
        inertia[2] = mf * (Square(kf * l3) + l3 * l3 / 12)
            + mw * l3 * l3
            + mt * DistanceSquared(l3 * c3 + dt * toolRadial, l3 * s3 + dt * toolUp)
            + mp * DistanceSquared(l3 * c3 + dp * toolRadial, l3 * s3 + dp * toolUp);

        // Wrist: A4 sees the tool only as far as A5 bends it off the forearm axis; A5 sees it at full length.
        inertia[3] = mw * 0.05 * 0.05 + toolSecond * s5 * s5;
        inertia[4] = mw * 0.04 * 0.04 + toolSecond;
        inertia[5] = mt * 0.04 * 0.04 + mp * Square(arm.PartOffsetFromFlangeAxis) + mp * 0.03 * 0.03;
    }

    private static double Square(double x) => x * x;

    private static double DistanceSquared(double x, double y) => x * x + y * y;
}
