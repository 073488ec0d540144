using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;
using KukaPortal.Ml.Images;
using static TorchSharp.torch;

namespace KukaPortal.TestSupport;

/// <summary>
/// A real conv-ae-2d for inspection-station tests: 32×32 grey, trained once per test process on the inspection
/// simulator's brushed metal (a few seconds on CPU), then kept as its artifact's bytes (a test's storage is wiped
/// between tests, so each copies it in) and as one loaded detector that scores the images tests store.
/// </summary>
public static class TinyImageModel
{
    /// <summary>The simulated set the model learnt and the tests draw from: training images, good test images, holes and stains.</summary>
    public static readonly InspectionSimulationOptions Simulation = new()
    {
        Size = 32, Grey = true, Train = 64, TestGood = 6, TestDefectPerKind = 3,
        Defects = [SurfaceDefect.Hole, SurfaceDefect.Stain], Seed = 7,
    };

    private static readonly Lazy<(byte[] Artifact, ImageDetector Detector)> Trained = new(Train);

    public static byte[] Artifact => Trained.Value.Artifact;

    /// <summary>Not thread-safe (GUIDE §4): tests use it one at a time, as they run one at a time.</summary>
    public static ImageDetector Detector => Trained.Value.Detector;

    public static IReadOnlyList<InspectionSample> TestImages() =>
        InspectionSimulator.Generate(Simulation).Where(s => s.Key.Role == ImageRole.Test).ToList();

    private static (byte[], ImageDetector) Train()
    {
        var normal = InspectionSimulator.Generate(Simulation).Where(s => s.Key.Role == ImageRole.Train).Select(s => s.Image).ToList();
        var settings = new ImageDetectorSettings
        {
            Family = ImageModelFamily.ConvAe2d, Size = 32, Channels = 1, BaseWidth = 8, Latent = 16,
            Iterations = 150, BatchSize = 8, HeldOutFraction = 0.25, Seed = 3,
        };
        var detector = ImageTrainer.Train(normal, settings, CPU);
        var path = Path.Combine(Path.GetTempPath(), $"kukaportal-tiny-image-model-{Guid.NewGuid():N}.kpm");
        try
        {
            detector.Save(path);
            return (File.ReadAllBytes(path), detector);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
