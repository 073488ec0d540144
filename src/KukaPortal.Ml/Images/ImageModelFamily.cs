using System.Text.Json.Serialization;

namespace KukaPortal.Ml.Images;

/// <summary>
/// The image detector families. The JSON names are the CLI's <c>--model</c> values and the family written in
/// an image artifact, so they are stable: renaming one orphans every saved model of that family.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageModelFamily>))]
public enum ImageModelFamily
{
    /// <summary>Baseline: a plain 2-D convolutional autoencoder, scored by its reconstruction error.</summary>
    [JsonStringEnumMemberName("conv-ae-2d")] ConvAe2d,

    /// <summary>GANomaly: encoder–decoder–encoder, scored by the latent distance (adversarial 1, reconstruction 50, latent 1).</summary>
    [JsonStringEnumMemberName("ganomaly")] Ganomaly,

    /// <summary>Skip-GANomaly: U-Net generator with skip connections and a DCGAN discriminator (paper 004 without attention).</summary>
    [JsonStringEnumMemberName("skip-ganomaly")] SkipGanomaly,

    /// <summary>Paper 004: Skip-GANomaly whose encoder levels use depthwise-separable convolutions and self-attention.</summary>
    [JsonStringEnumMemberName("skip-ganomaly-sa")] SkipGanomalySa,

    /// <summary>Paper 003: conditional VAE with a learnable Gaussian-mixture prior, feature discriminator and WGAN-GP critic.</summary>
    [JsonStringEnumMemberName("cvae-gan")] CvaeGan,

    /// <summary>Paper 002: two-step adversarial VAE (encoder + classifier first, then the decoder against a discriminator).</summary>
    [JsonStringEnumMemberName("adv-vae")] AdvVae,
}
