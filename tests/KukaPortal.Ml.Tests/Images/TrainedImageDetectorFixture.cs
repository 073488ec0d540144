using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>
/// One conv-ae-2d trained once on clean synthetic grey textures, shared by the tests that need a trained image
/// detector (detection quality, artifact round trip), so the suite pays for the training once.
/// </summary>
public sealed class TrainedImageDetectorFixture : IDisposable
{
    public TrainedImageDetectorFixture()
    {
        Normal = SyntheticImages.Normal(48, 32, 1, seed: 21);
        var settings = TinyImageSettings.For(ImageModelFamily.ConvAe2d) with { Iterations = 300, BatchSize = 16, HeldOutFraction = 0.25 };
        Detector = ImageTrainer.Train(Normal, settings, CPU);
    }

    public PlanarImage[] Normal { get; }
    public ImageDetector Detector { get; }

    public void Dispose() => Detector.Dispose();
}
