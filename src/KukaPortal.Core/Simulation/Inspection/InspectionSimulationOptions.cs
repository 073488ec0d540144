namespace KukaPortal.Core.Simulation.Inspection;

/// <summary>What the inspection simulator makes: how many images of which surface, at which size, from which seed.</summary>
public sealed record InspectionSimulationOptions
{
    public SurfaceTexture Texture { get; init; } = SurfaceTexture.Metal;

    /// <summary>Side of the square images in pixels.</summary>
    public int Size { get; init; } = 128;

    /// <summary>Defect-free training images (<c>train/good/</c>).</summary>
    public int Train { get; init; } = 200;

    /// <summary>Defect-free test images (<c>test/good/</c>).</summary>
    public int TestGood { get; init; } = 20;

    /// <summary>Test images per defect kind (<c>test/&lt;defect&gt;/</c>, each with a mask in <c>ground_truth/</c>).</summary>
    public int TestDefectPerKind { get; init; } = 10;

    public IReadOnlyList<SurfaceDefect> Defects { get; init; } = Enum.GetValues<SurfaceDefect>();

    /// <summary>The same seed gives the same images, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>One grey channel (luminance) instead of RGB.</summary>
    public bool Grey { get; init; }

    public void Validate()
    {
        if (!Enum.IsDefined(Texture)) throw new ArgumentOutOfRangeException(nameof(Texture), Texture, "Unknown texture.");
        if (Size is < 16 or > 1024) throw new ArgumentOutOfRangeException(nameof(Size), Size, "The image size must be between 16 and 1024 pixels.");
        if (Train < 1) throw new ArgumentOutOfRangeException(nameof(Train), Train, "At least one training image is needed.");
        if (TestGood < 0) throw new ArgumentOutOfRangeException(nameof(TestGood), TestGood, "The number of good test images cannot be negative.");
        if (TestDefectPerKind < 0) throw new ArgumentOutOfRangeException(nameof(TestDefectPerKind), TestDefectPerKind, "The number of test images per defect cannot be negative.");
        if (Defects.Any(d => !Enum.IsDefined(d))) throw new ArgumentOutOfRangeException(nameof(Defects), "Unknown defect kind.");
    }
}
