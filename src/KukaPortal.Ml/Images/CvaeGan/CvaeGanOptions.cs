namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>CVAE-GAN's own knobs (paper 003); <see cref="ImageDetectorSettings.CvaeGan"/> null means these defaults.</summary>
public sealed record CvaeGanOptions
{
    /// <summary>Paper 003's latent size, used when <see cref="ImageDetectorSettings.Latent"/> is null.</summary>
    public const int DefaultLatent = 256;

    /// <summary>K, the Gaussians of the latent prior (unit variance, learnable means): the number of kinds of normal image expected. No labels are used.</summary>
    public int Components { get; init; } = 4;

    /// <summary>
    /// T: active negative training runs while the latent loss (KL to the nearest prior component, in nats per latent
    /// dimension) is below it, i.e. once normal codes cluster round the means. A fresh encoder starts near 0.5
    /// (μ ≈ 0, σ ≈ 1 against means drawn from N(0, I)); 0.25 waits until that has halved.
    /// </summary>
    public double NegativeTrainingThreshold { get; init; } = 0.25;

    /// <summary>WGAN-GP critic updates per CVAE update (paper 003 and WGAN-GP: 5).</summary>
    public int CriticSteps { get; init; } = 5;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Components, 1, nameof(Components));
        ArgumentOutOfRangeException.ThrowIfNegative(NegativeTrainingThreshold, nameof(NegativeTrainingThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(CriticSteps, 1, nameof(CriticSteps));
    }
}
