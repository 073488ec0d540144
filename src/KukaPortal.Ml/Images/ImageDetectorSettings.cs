using KukaPortal.Ml.Images.AdvVae;
using KukaPortal.Ml.Images.CvaeGan;

namespace KukaPortal.Ml.Images;

/// <summary>
/// How an image detector is built and trained. Images are resized to <see cref="Size"/> × <see cref="Size"/>
/// before the model sees them. Family-specific knobs are nullable properties that default to the paper's
/// values when null, so one record serialises into the artifact for every family.
/// </summary>
public sealed record ImageDetectorSettings
{
    public required ImageModelFamily Family { get; init; }

    /// <summary>Side of the square images the model reads; a power of two ≥ 32 (default 128).</summary>
    public int Size { get; init; } = 128;

    /// <summary>1 for grey, 3 for RGB.</summary>
    public int Channels { get; init; } = 3;

    public int Iterations { get; init; } = 2000;
    public int BatchSize { get; init; } = 16;

    /// <summary>Null: the family's paper value (2e-4 for the GANomaly family, 1e-3 for CVAE-GAN, ...).</summary>
    public double? LearningRate { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Share of the normal images held out to normalise the score terms and pick the threshold.</summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>Threshold on the combined score: "quantile:q" over held-out normal images, or "f1max" on labelled validation images.</summary>
    public string ThresholdStrategy { get; init; } = "quantile:0.99";

    /// <summary>
    /// Channels of the first convolution of the DCGAN encoders, decoders and critics; each level down doubles it
    /// (capped at 8×). Null: 32.
    /// </summary>
    public int? BaseWidth { get; init; }

    /// <summary>Length of the latent code z. Null: the family's paper value (CVAE-GAN 256, adversarial VAE 100).</summary>
    public int? Latent { get; init; }

    /// <summary>CVAE-GAN's knobs (family cvae-gan); null: the paper's defaults.</summary>
    public CvaeGanOptions? CvaeGan { get; init; }

    /// <summary>The two-step adversarial VAE's knobs (family adv-vae); null: the paper's defaults.</summary>
    public AdvVaeOptions? AdvVae { get; init; }
}
