using System.Text.Json.Serialization;
using KukaPortal.Core.Images;
using KukaPortal.Core.Thresholds;
using KukaPortal.Ml.Images.AdvVae;
using KukaPortal.Ml.Images.CvaeGan;

namespace KukaPortal.Ml.Images;

/// <summary>
/// How an image detector is built and trained. Images are resized to <see cref="Size"/> × <see cref="Size"/>
/// before the model sees them. Family-specific knobs are nullable properties that default to the paper's
/// values when null, so one record serialises into the artifact for every family. skip-ganomaly-sa applies
/// self-attention only at U-Net levels with H·W ≤ 32·32: attention weighs every position against every other,
/// O((H·W)²), which at the 128 and 64 levels would cost more than the rest of the network on a CPU.
/// </summary>
public sealed record ImageDetectorSettings
{
    public required ImageModelFamily Family { get; init; }

    /// <summary>Side of the square images the model reads; a power of two ≥ 32 (default 128).</summary>
    public int Size { get; init; } = 128;

    /// <summary>1 for grey, 3 for RGB.</summary>
    public int Channels { get; init; } = 3;

    /// <summary>
    /// How images whose aspect differs from the square input were fitted when the model trained; scoring must fit
    /// new images the same way, so it is saved with the model.
    /// </summary>
    public ImageFit Fit { get; init; } = ImageFit.Pad;

    public int Iterations { get; init; } = 2000;
    public int BatchSize { get; init; } = 16;

    /// <summary>Null: the family's paper value (2e-4 for the GANomaly family, 1e-3 for CVAE-GAN, ...).</summary>
    public double? LearningRate { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Share of the normal images held out to normalise the score terms and pick the threshold.</summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>Threshold on the combined score: "quantile:q" over held-out normal images, or "f1max" on labelled validation images.</summary>
    public string ThresholdStrategy { get; init; } = "quantile:0.99";

    /// <summary>A progress report every this many iterations (and at the last one).</summary>
    public int ProgressInterval { get; init; } = 10;

    /// <summary>
    /// Channels of the first convolution level of the DCGAN encoders, decoders and discriminators and of the
    /// U-Net's first level; each level down doubles it (capped at 8×). Null: 32.
    /// </summary>
    public int? BaseWidth { get; init; }

    /// <summary>Length of the latent code z. Null: the family's paper value (conv-ae-2d and GANomaly 100, GANomaly's nz; CVAE-GAN 256; adversarial VAE 100).</summary>
    public int? Latent { get; init; }

    /// <summary>conv-ae-2d's training loss. Null: L1.</summary>
    public ImageReconstructionLoss? ReconstructionLoss { get; init; }

    /// <summary>
    /// Generator loss weights of the GANomaly family. Null: the family's paper values — GANomaly 1/50/1,
    /// skip-ganomaly and skip-ganomaly-sa paper 004's 0.5/0.3/0.2; <see cref="GanLossWeights.OriginalSkipGanomaly"/>
    /// (1/40/1) selects the original Skip-GANomaly's.
    /// </summary>
    public GanLossWeights? LossWeights { get; init; }

    /// <summary>CVAE-GAN's knobs (family cvae-gan); null: the paper's defaults.</summary>
    public CvaeGanOptions? CvaeGan { get; init; }

    /// <summary>The two-step adversarial VAE's knobs (family adv-vae); null: the paper's defaults.</summary>
    public AdvVaeOptions? AdvVae { get; init; }

    internal int EffectiveBaseWidth => BaseWidth ?? 32;
    internal int EffectiveLatent => Latent ?? 100;

    /// <summary>Checks every setting before anything is built, so a bad value fails with its name and the accepted range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Family))
            throw new ArgumentException($"Unknown image family {(int)Family}.");
        if (Size < 32 || !int.IsPow2(Size) || Size > 1024)
            throw new ArgumentException($"Size must be a power of two from 32 to 1024, not {Size}: the strided convolutions halve it down to 4×4.");
        if (Channels is not (1 or 3))
            throw new ArgumentException($"Channels must be 1 (grey) or 3 (RGB), not {Channels}.");
        if (Iterations < 1)
            throw new ArgumentException($"Iterations must be at least 1, not {Iterations}.");
        if (BatchSize < 2)
            throw new ArgumentException($"BatchSize must be at least 2 (batch norm needs two images), not {BatchSize}.");
        if (LearningRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
            throw new ArgumentException($"LearningRate must be a positive number, not {rate}.");
        if (!(HeldOutFraction > 0 && HeldOutFraction < 1))
            throw new ArgumentException($"HeldOutFraction must lie strictly between 0 and 1, not {HeldOutFraction}.");
        if (ProgressInterval < 1)
            throw new ArgumentException($"ProgressInterval must be at least 1, not {ProgressInterval}.");
        if (BaseWidth is < 1)
            throw new ArgumentException($"BaseWidth must be at least 1, not {BaseWidth}.");
        if (Latent is < 1)
            throw new ArgumentException($"Latent must be at least 1, not {Latent}.");
        LossWeights?.Validate();
        CvaeGan?.Validate();
        AdvVae?.Validate(Iterations);
        if (Core.Thresholds.ThresholdStrategy.Parse(ThresholdStrategy) is not QuantileStrategy)
            throw new ArgumentException(
                $"ThresholdStrategy '{ThresholdStrategy}' needs labelled or timed data; an image detector trains on normal images only, so use 'quantile:q' (e.g. quantile:0.99).");
    }
}

/// <summary>How conv-ae-2d measures its reconstruction error while training.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageReconstructionLoss>))]
public enum ImageReconstructionLoss
{
    [JsonStringEnumMemberName("l1")] L1,
    [JsonStringEnumMemberName("l2")] L2,
}
