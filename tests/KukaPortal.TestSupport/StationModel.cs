using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Torch;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace KukaPortal.TestSupport;

/// <summary>
/// The real conv-ae-2d of the inspection stations that the view's tests and the browser tests seed: 32×32 grey,
/// trained once per test process on the inspection simulator's brushed metal (a few seconds on CPU), on the portal's
/// torch thread like every other torch call. Kept as its artifact's bytes (a test's storage is wiped between tests,
/// so each station copies it in) and as one loaded detector that scores, on the torch thread, the images tests store.
/// </summary>
public static class StationModel
{
    /// <summary>The simulated set the model learnt and the tests draw from: training images, good test images, holes and stains.</summary>
    public static readonly InspectionSimulationOptions Simulation = new()
    {
        Size = 32, Grey = true, Train = 64, TestGood = 6, TestDefectPerKind = 3,
        Defects = [SurfaceDefect.Hole, SurfaceDefect.Stain], Seed = 7,
    };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (byte[] Artifact, ImageDetector Detector)? _trained;

    /// <summary>The simulator's test images: good ones (no mask), then holes and stains with their masks.</summary>
    public static IReadOnlyList<InspectionSample> TestImages() =>
        InspectionSimulator.Generate(Simulation).Where(s => s.Key.Role == ImageRole.Test).ToList();

    public static async Task<byte[]> ArtifactAsync(PortalFactory portal) => (await TrainedAsync(portal)).Artifact;

    public static async Task<double> ThresholdAsync(PortalFactory portal) => (await TrainedAsync(portal)).Detector.Threshold;

    /// <summary>The model's scores of <paramref name="images"/>, computed on the portal's torch thread.</summary>
    public static async Task<IReadOnlyList<ImageScore>> ScoreAsync(PortalFactory portal, IReadOnlyList<PlanarImage> images)
    {
        var detector = (await TrainedAsync(portal)).Detector;
        return await portal.Services.GetRequiredService<TorchExecutor>().RunAsync(TorchPriority.Live, () => detector.Score(images));
    }

    private static async Task<(byte[] Artifact, ImageDetector Detector)> TrainedAsync(PortalFactory portal)
    {
        await Gate.WaitAsync();
        try
        {
            return _trained ??= await portal.Services.GetRequiredService<TorchExecutor>().RunAsync(TorchPriority.Training, Train);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static (byte[], ImageDetector) Train()
    {
        var normal = InspectionSimulator.Generate(Simulation).Where(s => s.Key.Role == ImageRole.Train).Select(s => s.Image).ToList();
        var settings = new ImageDetectorSettings
        {
            Family = ImageModelFamily.ConvAe2d, Size = 32, Channels = 1, BaseWidth = 8, Latent = 16,
            Iterations = 150, BatchSize = 8, HeldOutFraction = 0.25, Seed = 3,
        };
        var detector = ImageTrainer.Train(normal, settings, CPU);
        var path = Path.Combine(Path.GetTempPath(), $"kukaportal-station-model-{Guid.NewGuid():N}.kpm");
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
