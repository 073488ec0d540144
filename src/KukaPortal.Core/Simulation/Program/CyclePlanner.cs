using KukaPortal.Core.Simulation.Anomalies;
using KukaPortal.Core.Simulation.Dynamics;
using KukaPortal.Core.Simulation.Motion;

namespace KukaPortal.Core.Simulation.Program;

/// <summary>
/// Turns one run of <see cref="PickAndPlaceProgram"/> into segments on the time line: applies the
/// cycle's variation (timing, part position and mass) and the physical faults scheduled for it
/// (override, heavy part), then tells the faults where the cycle landed in time.
/// </summary>
internal sealed class CyclePlanner(IReadOnlyList<AxisDrive> drives, RobotSimulationOptions options, Func<int, CycleVariation> variationOf, ProcessFaults faults)
{
    private static readonly double[] HomeRadians = Radians(PickAndPlaceProgram.PointDegrees(TaughtPoint.Home));

    /// <summary>The part mass in the program's load data: the middle of the normal range.</summary>
    public double ConfiguredPartMass => (options.PartMassMinKg + options.PartMassMaxKg) / 2;

    public IReadOnlyList<Segment> Plan(int cycle, double start)
    {
        var variation = variationOf(cycle);
        var carried = faults.HeavyPartMassFor(cycle) ?? variation.PartMass;
        var segments = new List<Segment>(PickAndPlaceProgram.StepsPerCycle);
        var pose = HomeRadians;
        var time = start;
        var dwellIndex = 0;
        var steps = PickAndPlaceProgram.Steps;
        Span<double> maxVelocity = stackalloc double[drives.Count];
        Span<double> maxAcceleration = stackalloc double[drives.Count];

        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            var anomalyOverride = faults.OverrideFor(cycle, index);
            var carries = PickAndPlaceProgram.CarriesPart(step.Step);
            double[] target;
            double[] delta;
            SCurveProfile profile;
            double duration;
            if (step.IsDwell)
            {
                // WAIT SEC times do not follow the velocity override.
                target = pose;
                delta = new double[pose.Length];
                profile = default;
                duration = step.DwellSeconds * variation.DwellScale[dwellIndex++]
                    + (step.Step == ProgramStep.Home ? variation.HomeWaitSeconds : 0);
            }
            else
            {
                target = Target(step.Target!.Value, variation);
                for (var axis = 0; axis < drives.Count; axis++)
                {
                    maxVelocity[axis] = drives[axis].MaxVelocity * step.VelocityShare;
                    maxAcceleration[axis] = drives[axis].MaxAcceleration * step.AccelerationShare;
                }
                delta = Delta(pose, target);
                profile = SCurveProfile.Synchronized(delta, maxVelocity, maxAcceleration, options.ProgramOverride * anomalyOverride);
                duration = profile.Duration;
            }

            segments.Add(new Segment
            {
                Cycle = cycle,
                Step = step.Step,
                Start = time,
                Duration = duration,
                From = pose,
                Delta = delta,
                Profile = profile,
                PartMass = carries ? carried : 0,
                ConfiguredPartMass = carries ? ConfiguredPartMass : 0,
                Override = anomalyOverride,
            });
            pose = target;
            time += duration;
        }

        faults.OnCyclePlanned(segments);
        return segments;
    }

    private static double[] Target(TaughtPoint point, CycleVariation variation)
    {
        var degrees = PickAndPlaceProgram.PointDegrees(point);
        var offset = point switch
        {
            TaughtPoint.AbovePick or TaughtPoint.AtPick => variation.PickOffsetDegrees,
            TaughtPoint.AbovePlace or TaughtPoint.AtPlace => variation.PlaceOffsetDegrees,
            _ => null,
        };
        if (offset is not null)
            for (var axis = 0; axis < degrees.Length; axis++) degrees[axis] += offset[axis];
        return Radians(degrees);
    }

    private static double[] Delta(double[] from, double[] to)
    {
        var delta = new double[from.Length];
        for (var axis = 0; axis < from.Length; axis++) delta[axis] = to[axis] - from[axis];
        return delta;
    }

    private static double[] Radians(double[] degrees) => degrees.Select(d => d * Math.PI / 180).ToArray();
}
