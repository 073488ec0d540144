using KukaPortal.Ml.Images.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.ConvAe2d;

/// <summary>
/// The baseline: a DCGAN encoder to a latent vector and the mirrored DCGAN decoder back to the image, scored by
/// its mean absolute reconstruction error; the map is the smoothed residual.
/// </summary>
internal sealed class ConvAe2dModel : ImageModel
{
    private static readonly ScoreTerm[] ScoreTermList = [new("reconstruction", 1.0)];

    private readonly DcganEncoder encoder;
    private readonly DcganDecoder decoder;

    public ConvAe2dModel(ImageDetectorSettings settings) : base(nameof(ConvAe2dModel))
    {
        encoder = new DcganEncoder(settings.Channels, settings.Size, settings.EffectiveBaseWidth, settings.EffectiveLatent);
        decoder = new DcganDecoder(settings.Channels, settings.Size, settings.EffectiveBaseWidth, settings.EffectiveLatent);
        RegisterComponents();
    }

    public override IReadOnlyList<ScoreTerm> Terms => ScoreTermList;

    public override Tensor forward(Tensor images) => decoder.forward(encoder.forward(images));

    public override (Tensor Terms, Tensor Map) ScoreTerms(Tensor images)
    {
        var reconstructions = forward(images);
        var error = (images - reconstructions).abs().mean([1L, 2L, 3L]);
        return (error.unsqueeze(1), ResidualMap.Of(images, reconstructions));
    }
}
