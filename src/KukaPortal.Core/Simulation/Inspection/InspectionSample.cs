using KukaPortal.Core.Images;

namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>Which simulated image: its role, its defect (null for a good one) and its number within that group.</summary>
public readonly record struct InspectionSampleKey(ImageRole Role, SurfaceDefect? Defect, int Index)
{
    public string Label => Defect is { } defect ? InspectionNames.Of(defect) : ImageSetItem.GoodLabel;

    /// <summary>Each image draws from its own random streams, so an image is the same however many others are made.</summary>
    internal long StreamIndex => (Role == ImageRole.Train ? 0 : Defect is { } d ? 2 + (int)d : 1) * 1_000_000_000L + Index;
}

/// <summary>One simulated image and, for a defect, its mask (1 on every pixel the defect changed).</summary>
public sealed record InspectionSample(InspectionSampleKey Key, PlanarImage Image, PlanarImage? Mask);
