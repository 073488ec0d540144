namespace KukaPortal.Ml.Images.AdvVae;

/// <summary>The two-step adversarial VAE's own knobs (paper 002); <see cref="ImageDetectorSettings.AdvVae"/> null means these defaults.</summary>
public sealed record AdvVaeOptions
{
    /// <summary>Paper 002's latent size K_z, used when <see cref="ImageDetectorSettings.Latent"/> is null.</summary>
    public const int DefaultLatent = 100;

    /// <summary>Iterations of step 1 (encoder + classifier); null: half of the settings' iterations. Step 2 trains the decoder for the rest.</summary>
    public int? EncoderIterations { get; init; }

    /// <summary>β, the adversarial loss's weight in L_Dec (paper 002: clearer images for 0.005 ≤ β ≤ 0.01).</summary>
    public double AdversarialWeight { get; init; } = 0.005;

    /// <summary>γ, the latent loss's weight in L_Dec (paper 002: 0.1).</summary>
    public double LatentWeight { get; init; } = 0.1;

    /// <summary>n_dis, discriminator updates per decoder update (5, as in the WGAN training paper 002 follows).</summary>
    public int DiscriminatorSteps { get; init; } = 5;

    /// <summary>Step 1's length for a run of <paramref name="iterations"/>.</summary>
    public int EncoderIterationsOf(int iterations) => EncoderIterations ?? iterations / 2;

    internal void Validate(int iterations)
    {
        if (EncoderIterations is { } e && (e < 0 || e > iterations))
            throw new ArgumentOutOfRangeException(nameof(EncoderIterations), e, $"Step 1 must take between 0 and all {iterations} iterations.");
        ArgumentOutOfRangeException.ThrowIfNegative(AdversarialWeight, nameof(AdversarialWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(LatentWeight, nameof(LatentWeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(DiscriminatorSteps, 1, nameof(DiscriminatorSteps));
    }
}
