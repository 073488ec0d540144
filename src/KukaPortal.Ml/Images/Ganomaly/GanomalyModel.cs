using KukaPortal.Ml.Images.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.Ganomaly;

/// <summary>
/// GANomaly (Akcay et al. 2018): encoder G_E → z, decoder G_D → x̂, and a second encoder E → ẑ of the
/// reconstruction. Trained on normal images only, E learns to encode what G_D can draw, so an anomaly's ẑ drifts
/// from its z: the score is the latent distance ‖z − ẑ‖² (mean over the latent); the map is the smoothed residual.
/// The discriminator lives in <see cref="GanomalyStep"/>: scoring never needs it.
/// </summary>
internal sealed class GanomalyModel : ImageModel
{
    private static readonly ScoreTerm[] ScoreTermList = [new("latent", 1.0)];

    private readonly DcganEncoder encoder;
    private readonly DcganDecoder decoder;
    private readonly DcganEncoder reencoder;

    public GanomalyModel(ImageDetectorSettings settings) : base(nameof(GanomalyModel))
    {
        var (channels, size, width, latent) = (settings.Channels, settings.Size, settings.EffectiveBaseWidth, settings.EffectiveLatent);
        encoder = new DcganEncoder(channels, size, width, latent);
        decoder = new DcganDecoder(channels, size, width, latent);
        reencoder = new DcganEncoder(channels, size, width, latent);
        RegisterComponents();
    }

    public override IReadOnlyList<ScoreTerm> Terms => ScoreTermList;

    public override Tensor forward(Tensor images) => decoder.forward(encoder.forward(images));

    /// <summary>x̂ [batch, C, H, W], z and ẑ [batch, latent].</summary>
    public (Tensor Reconstruction, Tensor Z, Tensor ZHat) Encode(Tensor images)
    {
        var z = encoder.forward(images);
        var reconstruction = decoder.forward(z);
        return (reconstruction, z, reencoder.forward(reconstruction));
    }

    public override (Tensor Terms, Tensor Map) ScoreTerms(Tensor images)
    {
        var (reconstruction, z, zHat) = Encode(images);
        var latent = (z - zHat).square().mean([1L]);
        return (latent.unsqueeze(1), ResidualMap.Of(images, reconstruction));
    }
}
