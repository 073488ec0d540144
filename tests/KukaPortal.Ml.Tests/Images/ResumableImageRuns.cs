using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Images.CvaeGan;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>What the checkpoint and NaN-replay tests share: tiny settings for every family, images, and an exact weight comparison.</summary>
internal static class ResumableImageRuns
{
    public static readonly PlanarImage[] Normal = SyntheticImages.Normal(20, 32, 1, seed: 4);

    /// <summary>
    /// Every family's training step. skip-ganomaly-sa is left out: it trains with skip-ganomaly's step (the attention
    /// layers are model weights, which every checkpoint holds), and its 32×32 attention costs ~25 s of CPU per test.
    /// </summary>
    public static TheoryData<ImageModelFamily> EveryStep => new(Enum.GetValues<ImageModelFamily>().Where(f => f != ImageModelFamily.SkipGanomalySa));

    /// <summary>
    /// 20 iterations with reports every 5. CVAE-GAN's negative training is on from the first step, so its random
    /// outlier codes are drawn too: a resumed or replayed run must continue torch's random generator, not restart it.
    /// </summary>
    public static ImageDetectorSettings Settings(ImageModelFamily family) => TinyImageSettings.For(family) with
    {
        Seed = 7,
        CvaeGan = family == ImageModelFamily.CvaeGan ? new CvaeGanOptions { NegativeTrainingThreshold = 1e6, CriticSteps = 2 } : null,
    };

    /// <summary>Every parameter and buffer bit for bit (CPU training is deterministic for a given thread count).</summary>
    public static void ShouldHaveIdenticalState(nn.Module actual, nn.Module expected)
    {
        using var scope = NewDisposeScope();
        var a = actual.state_dict();
        var b = expected.state_dict();
        a.Keys.ShouldBe(b.Keys);
        a.Keys.Where(k => !a[k].shape.SequenceEqual(b[k].shape) || !a[k].eq(b[k]).all().item<bool>()).ShouldBeEmpty();
    }
}
