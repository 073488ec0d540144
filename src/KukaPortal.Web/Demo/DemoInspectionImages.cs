using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;

namespace KukaPortal.Web.Demo;

/// <summary>
/// The pictures the demo feed sends its inspection station: brushed metal, grey, 64 px like the seeded training set,
/// about one in <see cref="DefectOneIn"/> with a painted defect. Image n is the same for a seed every time, so a
/// restarted feed goes on with the same sequence.
/// </summary>
public static class DemoInspectionImages
{
    public const int DefectOneIn = 8;

    private static readonly SurfaceDefect[] Defects = Enum.GetValues<SurfaceDefect>();

    public static InspectionSample Render(int seed, int number)
    {
        var options = new InspectionSimulationOptions { Texture = SurfaceTexture.Metal, Size = 64, Grey = true, Seed = seed };
        // Which images get a defect, and which, is drawn per image from the seed, independent of the images before it
        // (not HashCode.Combine: it is salted per process, and a restart must draw the same).
        var draw = new Random(unchecked(seed * 1_000_003 + number) & int.MaxValue);
        SurfaceDefect? defect = draw.Next(DefectOneIn) == 0 ? Defects[draw.Next(Defects.Length)] : null;
        return InspectionSimulator.Render(options, new InspectionSampleKey(ImageRole.Test, defect, number));
    }
}
