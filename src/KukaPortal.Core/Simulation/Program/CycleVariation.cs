using KukaPortal.Core.Simulation.Noise;

namespace KukaPortal.Core.Simulation.Program;

/// <summary>
/// What differs from one normal cycle to the next: the wait for the next part, gripper and release
/// timing, where exactly the part lies and where it is put down, and the part's mass (sometimes no
/// part at all). Every cycle draws the same number of values so the stream stays aligned.
/// </summary>
internal sealed record CycleVariation(
    double HomeWaitSeconds,
    double[] DwellScale,
    double[] PickOffsetDegrees,
    double[] PlaceOffsetDegrees,
    double PartMass)
{
    /// <summary>Spread of the part's position at the infeed, per axis (degrees, one sigma).</summary>
    private const double PickSpreadDegrees = 0.3;

    /// <summary>The place fixture is tighter than the infeed.</summary>
    private const double PlaceSpreadDegrees = 0.15;

    /// <summary>The nominal cycle: mean timing, taught points exactly, a part of mean mass.</summary>
    public static CycleVariation Nominal(RobotSimulationOptions options) =>
        new(0, [1, 1, 1], new double[6], new double[6], (options.PartMassMinKg + options.PartMassMaxKg) / 2);

    public static CycleVariation Draw(Gaussian random, RobotSimulationOptions options)
    {
        var spread = options.Variation;
        var homeWait = spread * 0.3 * random.Uniform.NextDouble();
        var dwell = new double[3];
        for (var i = 0; i < dwell.Length; i++) dwell[i] = Math.Clamp(1 + spread * 0.05 * random.Next(), 0.5, 1.5);
        var pick = new double[6];
        var place = new double[6];
        for (var i = 0; i < 6; i++) pick[i] = spread * PickSpreadDegrees * random.Next();
        for (var i = 0; i < 6; i++) place[i] = spread * PlaceSpreadDegrees * random.Next();
        var mass = random.NextUniform(options.PartMassMinKg, options.PartMassMaxKg);
        var empty = random.Uniform.NextDouble() < options.EmptyPickProbability;
        return new CycleVariation(homeWait, dwell, pick, place, empty ? 0 : mass);
    }
}
