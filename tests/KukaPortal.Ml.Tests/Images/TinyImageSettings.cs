using KukaPortal.Ml.Images;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>Settings small enough for the test suite's CPU budget: 32×32 images, narrow layers, few iterations.</summary>
internal static class TinyImageSettings
{
    /// <summary>The families this helper builds (the CVAE-GAN and adversarial-VAE tests live with their models).</summary>
    public static TheoryData<ImageModelFamily> Families => new(
        ImageModelFamily.ConvAe2d, ImageModelFamily.Ganomaly, ImageModelFamily.SkipGanomaly, ImageModelFamily.SkipGanomalySa);

    public static ImageDetectorSettings For(ImageModelFamily family, int channels = 1) => new()
    {
        Family = family,
        Size = 32,
        Channels = channels,
        BaseWidth = 8,
        Latent = 16,
        Iterations = 20,
        BatchSize = 8,
        HeldOutFraction = 0.2,
        ProgressInterval = 5,
    };
}
