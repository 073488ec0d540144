using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Noise;

namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>
/// Simulated image inspection sets: a textured surface per image, and for defect images one painted defect
/// with its mask. Deterministic per seed through the project's own seeded streams (<see cref="RandomStreams"/>);
/// nothing random comes from SkiaSharp, which only encodes the PNGs.
/// </summary>
public static class InspectionSimulator
{
    /// <summary>Every image of a set, in MVTec order: training images, good test images, then each defect's.</summary>
    public static IEnumerable<InspectionSample> Generate(InspectionSimulationOptions options)
    {
        options.Validate();
        return Keys(options).Select(key => Render(options, key));
    }

    public static IEnumerable<InspectionSampleKey> Keys(InspectionSimulationOptions options)
    {
        for (var i = 0; i < options.Train; i++) yield return new(ImageRole.Train, null, i);
        for (var i = 0; i < options.TestGood; i++) yield return new(ImageRole.Test, null, i);
        foreach (var defect in options.Defects)
            for (var i = 0; i < options.TestDefectPerKind; i++) yield return new(ImageRole.Test, defect, i);
    }

    public static InspectionSample Render(InspectionSimulationOptions options, InspectionSampleKey key)
    {
        var surface = RenderSurface(options, key);
        if (key.Defect is not { } defect) return new(key, Channels(surface, options), null);
        var (image, mask) = DefectPainter.Paint(surface, defect, RandomStreams.Create(options.Seed, RandomPurpose.InspectionDefect, key.StreamIndex));
        return new(key, Channels(image, options), mask);
    }

    /// <summary>The image of <paramref name="key"/> without its defect, in RGB: what the defect was painted on.</summary>
    public static PlanarImage RenderSurface(InspectionSimulationOptions options, InspectionSampleKey key) =>
        SurfaceRenderer.Render(options.Texture, options.Size, RandomStreams.Create(options.Seed, RandomPurpose.InspectionSurface, key.StreamIndex));

    private static PlanarImage Channels(PlanarImage rgb, InspectionSimulationOptions options) => options.Grey ? Luminance.ToGrey(rgb) : rgb;
}
