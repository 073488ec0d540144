using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// Paper 003's conditional VAE, the part of CVAE-GAN that scores: a DCGAN encoder with a variational head, a DCGAN
/// decoder, K learnable prior means u_y (the latent prior is a mixture of unit-variance Gaussians N(u_y, I)) and
/// the classifier p(y|z) that tells which component a code belongs to. The feature discriminator and the
/// WGAN-GP critic only serve training and live in <see cref="CvaeGanStep"/>.
/// <para>
/// Forward and scoring decode the posterior mean μ, so a score does not depend on a random draw. The score terms
/// are 1 − mean SSIM and the mean |x − x̂| of the reconstruction (paper 003 weighs them equally); the map is
/// ½(1 − SSIM map) + ½ channel-mean |x − x̂|, smoothed.
/// </para>
/// </summary>
public sealed class CvaeGanModel : ImageModel
{
    private static readonly ScoreTerm[] ScoreTermList = [new("ssim", 0.5), new("l1", 0.5)];

    // Field names are state_dict keys: renaming one breaks saved artifacts.
    private readonly ConvEncoderStack encoder;
    private readonly VariationalHead head;
    private readonly ConvDecoderStack decoder;
    private readonly Parameter means;
    private readonly Sequential classifier;

    public CvaeGanModel(ImageDetectorSettings settings) : base(nameof(CvaeGanModel))
    {
        var options = settings.CvaeGan ?? new CvaeGanOptions();
        options.Validate();
        Size = settings.Size;
        Channels = settings.Channels;
        BaseWidth = settings.BaseWidth ?? DefaultBaseWidth;
        Latent = settings.Latent ?? CvaeGanOptions.DefaultLatent;
        encoder = new ConvEncoderStack(Size, Channels, BaseWidth, batchNorm: true);
        head = new VariationalHead(encoder.FlatSize, Latent);
        decoder = new ConvDecoderStack(Size, Channels, BaseWidth, Latent);
        // Means drawn from N(0, I): in 256 dimensions they lie ~22 apart, so the components start distinct.
        means = Parameter(randn(options.Components, Latent));
        classifier = Sequential(
            ("hidden", Linear(Latent, 128)),
            ("act", new HeldSlopeLeakyReLU(0.2)),
            ("logits", Linear(128, options.Components)));
        RegisterComponents();
    }

    /// <summary>Used when <see cref="ImageDetectorSettings.BaseWidth"/> is null.</summary>
    public const int DefaultBaseWidth = 32;

    public int Size { get; }
    public int Channels { get; }
    public int BaseWidth { get; }
    public int Latent { get; }

    /// <summary>The learnable prior means u_y [K, latent].</summary>
    public Tensor Means => means;

    /// <summary>Channels of the encoder's last 4×4 feature map, which the feature discriminator pairs with z.</summary>
    internal long FeatureChannels => encoder.OutputChannels;

    public override IReadOnlyList<ScoreTerm> Terms => ScoreTermList;

    /// <summary>The encoder's last feature map [batch, FeatureChannels, 4, 4] and the posterior N(μ, σ²).</summary>
    internal (Tensor Features, Tensor Mean, Tensor LogVariance) Encode(Tensor images)
    {
        var features = encoder.forward(images);
        var (mean, logVariance) = head.Posterior(features);
        return (features, mean, logVariance);
    }

    internal Tensor Decode(Tensor codes) => decoder.forward(codes);

    /// <summary>Logits of p(y|z) [batch, K].</summary>
    internal Tensor Classify(Tensor codes) => classifier.forward(codes);

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(images).Mean).MoveToOuterDisposeScope();
    }

    public override (Tensor Terms, Tensor Map) ScoreTerms(Tensor images)
    {
        using var scope = NewDisposeScope();
        var reconstruction = forward(images);
        var (ssimMap, ssimMean) = Ssim.Compute(images, reconstruction);
        var residual = (images - reconstruction).abs().mean([1L]);
        var terms = stack([1 - ssimMean, residual.mean([1L, 2L])], 1);
        var map = GaussianFilter.SmoothMaps(0.5 * (1 - ssimMap) + 0.5 * residual);
        return (terms.MoveToOuterDisposeScope(), map.MoveToOuterDisposeScope());
    }
}
