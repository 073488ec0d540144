namespace KukaPortal.Ml.Images;

/// <summary>
/// The generator's loss L = w_adv·L_adv + w_ctx·L_ctx + w_lat·L_lat of the GANomaly family: adversarial,
/// contextual (L1 reconstruction) and latent. The named presets are the papers' values.
/// </summary>
public sealed record GanLossWeights(double Adversarial, double Contextual, double Latent)
{
    /// <summary>GANomaly (Akcay et al. 2018): adversarial 1, reconstruction 50, latent 1.</summary>
    public static GanLossWeights Ganomaly { get; } = new(1, 50, 1);

    /// <summary>Paper 004 (Skip-GANomaly with self-attention): 0.5 / 0.3 / 0.2.</summary>
    public static GanLossWeights Paper004 { get; } = new(0.5, 0.3, 0.2);

    /// <summary>The original Skip-GANomaly (Akçay et al. 2019): 1 / 40 / 1.</summary>
    public static GanLossWeights OriginalSkipGanomaly { get; } = new(1, 40, 1);

    internal void Validate()
    {
        if (!(Adversarial >= 0 && Contextual >= 0 && Latent >= 0) || !double.IsFinite(Adversarial + Contextual + Latent))
            throw new ArgumentException($"Loss weights must be finite and ≥ 0, not {this}.");
        if (Adversarial + Contextual + Latent == 0)
            throw new ArgumentException("At least one loss weight must be positive.");
    }
}
