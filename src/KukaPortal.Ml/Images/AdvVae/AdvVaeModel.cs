using KukaPortal.Ml.Images.CvaeGan;
using KukaPortal.Ml.Images.Layers;
using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.AdvVae;

/// <summary>
/// Paper 002's two-step adversarial VAE, the part that scores: a DCGAN variational encoder, the classifier
/// Class(z) trained with it in step 1, and the DCGAN decoder trained in step 2 against the frozen encoder's
/// deep features. The discriminator only serves training and lives in <see cref="AdvVaeStep"/>.
/// <para>
/// Forward and scoring decode the posterior mean μ. The score term "feature" is the deep-feature-consistent
/// error Σᵢ αᵢ·mean((φᵢ(x) − φᵢ(x̂))²) over the encoder's first three stages (α = 1, 0.1, 0.01), the quantity the
/// decoder was trained to make small on normal images; the map is the smoothed channel-mean |x − x̂|.
/// </para>
/// </summary>
public sealed class AdvVaeModel : ImageModel
{
    /// <summary>αᵢ of the first three encoder stages (paper 002).</summary>
    public static readonly double[] FeatureWeights = [1, 0.1, 0.01];

    private static readonly ScoreTerm[] ScoreTermList = [new("feature", 1.0)];

    // Field names are state_dict keys: renaming one breaks saved artifacts.
    private readonly ConvEncoderStack encoder;
    private readonly VariationalHead head;
    private readonly Sequential classifier;
    private readonly ConvDecoderStack decoder;

    public AdvVaeModel(ImageDetectorSettings settings) : base(nameof(AdvVaeModel))
    {
        Size = settings.Size;
        Channels = settings.Channels;
        BaseWidth = settings.BaseWidth ?? CvaeGanModel.DefaultBaseWidth;
        var latent = settings.Latent ?? AdvVaeOptions.DefaultLatent;
        encoder = new ConvEncoderStack(Size, Channels, BaseWidth, batchNorm: true);
        head = new VariationalHead(encoder.FlatSize, latent);
        classifier = Sequential(
            ("hidden", Linear(latent, 64)),
            ("act", new HeldSlopeLeakyReLU(0.2)),
            ("logits", Linear(64, 2)));
        decoder = new ConvDecoderStack(Size, Channels, BaseWidth, latent);
        RegisterComponents();
    }

    public int Size { get; }
    public int Channels { get; }
    public int BaseWidth { get; }

    public override IReadOnlyList<ScoreTerm> Terms => ScoreTermList;

    /// <summary>What step 1 trains: encoder, variational head and classifier.</summary>
    internal IEnumerable<Parameter> EncoderParameters() =>
        encoder.parameters().Concat(head.parameters()).Concat(classifier.parameters());

    /// <summary>What step 2 trains.</summary>
    internal IEnumerable<Parameter> DecoderParameters() => decoder.parameters();

    /// <summary>
    /// Step 2 freezes encoder and classifier: no gradients for their weights and eval mode, so their BatchNorm
    /// running statistics stay those of step 1 and the feature targets do not drift while the decoder learns.
    /// </summary>
    internal void FreezeEncoder()
    {
        foreach (var parameter in EncoderParameters())
            parameter.requires_grad = false;
        encoder.eval();
        head.eval();
        classifier.eval();
    }

    /// <summary>The first three stages' feature maps and the posterior N(μ, σ²).</summary>
    internal (IReadOnlyList<Tensor> Features, Tensor Mean, Tensor LogVariance) Encode(Tensor images)
    {
        var features = encoder.Features(images);
        var (mean, logVariance) = head.Posterior(features[^1]);
        return (features.Take(FeatureWeights.Length).ToList(), mean, logVariance);
    }

    internal Tensor Decode(Tensor codes) => decoder.forward(codes);

    /// <summary>Logits of Class(z) [batch, 2]: intact or patched (see <see cref="CutPaste"/>).</summary>
    internal Tensor Classify(Tensor codes) => classifier.forward(codes);

    /// <summary>Σᵢ αᵢ·mean((φᵢ(x) − φᵢ(x̂))²) per image [batch].</summary>
    internal static Tensor FeatureError(IReadOnlyList<Tensor> features, IReadOnlyList<Tensor> reconstructed)
    {
        using var scope = NewDisposeScope();
        var error = zeros(features[0].shape[0], dtype: features[0].dtype, device: features[0].device);
        for (var i = 0; i < FeatureWeights.Length; i++)
            error = error + FeatureWeights[i] * (features[i] - reconstructed[i]).square().flatten(1).mean([1L]);
        return error.MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(images).Mean).MoveToOuterDisposeScope();
    }

    public override (Tensor Terms, Tensor Map) ScoreTerms(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (features, mean, _) = Encode(images);
        var reconstruction = Decode(mean);
        var terms = FeatureError(features, Encode(reconstruction).Features).unsqueeze(1);
        var map = ResidualMap.Of(images, reconstruction);
        return (terms.MoveToOuterDisposeScope(), map.MoveToOuterDisposeScope());
    }
}
