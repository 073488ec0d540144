using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// Paper 003's feature discriminator FD(x, z): 1×1 convolutions over the encoder's last feature map with the
/// code z copied to every position, giving one logit per position (Deep InfoMax's local form, the paper's [57]).
/// It tells pairs of an image with its own code from pairs with another image's code; the encoder and FD both
/// minimise its cross-entropy, which maximises the Jensen–Shannon estimate of the mutual information I(x; z).
/// </summary>
internal sealed class FeatureDiscriminator : Module<Tensor, Tensor, Tensor>
{
    // Field names are state_dict keys.
    private readonly Sequential layers;

    public FeatureDiscriminator(long featureChannels, int latentSize, int hidden = 256) : base(nameof(FeatureDiscriminator))
    {
        layers = Sequential(
            ("pair", new GemmConv2d(featureChannels + latentSize, hidden, 1)),
            ("act", ReLU()),
            ("logit", new GemmConv2d(hidden, 1, 1)));
        RegisterComponents();
    }

    /// <param name="features">[batch, C, h, w].</param>
    /// <param name="codes">[batch, latent].</param>
    /// <returns>Logits [batch, h·w], positive for "these belong together".</returns>
    public override Tensor forward(Tensor features, Tensor codes)
    {
        using var scope = NewDisposeScope();
        var spread = codes.reshape(codes.shape[0], codes.shape[1], 1, 1).expand(-1, -1, features.shape[2], features.shape[3]);
        return layers.forward(cat([features, spread], 1)).flatten(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The JS mutual-information loss: BCE(FD(f, z), 1) + BCE(FD(f, z'), 0), where z' pairs each image with the next
    /// image's code (the batch rolled by one, so no image keeps its own). Needs a batch of at least two.
    /// </summary>
    public Tensor MutualInformationLoss(Tensor features, Tensor codes)
    {
        if (codes.shape[0] < 2)
            throw new ArgumentException("The mutual-information loss contrasts images within a batch: it needs at least two.", nameof(codes));
        using var scope = NewDisposeScope();
        var joint = forward(features, codes);
        var marginal = forward(features, codes.roll(1, 0));
        var loss = functional.binary_cross_entropy_with_logits(joint, ones_like(joint))
                   + functional.binary_cross_entropy_with_logits(marginal, zeros_like(marginal));
        return loss.MoveToOuterDisposeScope();
    }
}
