using KukaPortal.Ml.Images.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.SkipGanomaly;

/// <summary>
/// Skip-GANomaly (Akçay et al. 2019) and, with self-attention, paper 004's variant: a <see cref="UNetGenerator"/>
/// reconstructs x̂ and a DCGAN discriminator D both plays the adversarial game and extracts the features of its
/// last convolution. Score terms: contextual |x − x̂| (weight 0.9) and latent ‖f_D(x) − f_D(x̂)‖² (0.1), both means;
/// D is therefore part of the model and of the artifact. The map is the smoothed residual.
/// </summary>
internal sealed class SkipGanomalyModel : ImageModel
{
    private static readonly ScoreTerm[] ScoreTermList = [new("contextual", 0.9), new("latent", 0.1)];

    private readonly UNetGenerator generator;
    private readonly DcganEncoder discriminator;

    public SkipGanomalyModel(ImageDetectorSettings settings, bool selfAttention) : base(nameof(SkipGanomalyModel))
    {
        generator = new UNetGenerator(settings.Channels, settings.Size, settings.EffectiveBaseWidth, selfAttention);
        discriminator = new DcganEncoder(settings.Channels, settings.Size, settings.EffectiveBaseWidth, outputs: 1);
        RegisterComponents();
    }

    internal UNetGenerator Generator => generator;
    internal DcganEncoder Discriminator => discriminator;

    public override IReadOnlyList<ScoreTerm> Terms => ScoreTermList;

    public override Tensor forward(Tensor images) => generator.forward(images);

    public override (Tensor Terms, Tensor Map) ScoreTerms(Tensor images)
    {
        var reconstruction = generator.forward(images);
        var contextual = (images - reconstruction).abs().mean([1L, 2L, 3L]);
        var latent = (discriminator.Features(images) - discriminator.Features(reconstruction)).square().mean([1L, 2L, 3L]);
        return (stack([contextual, latent], 1), ResidualMap.Of(images, reconstruction));
    }
}
