using KukaPortal.Ml.Adversarial;
using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Dense;

/// <summary>
/// Paper 001's discriminator on the flattened window [batch, C·W]: Dense 256, LeakyReLU(0.2), LayerNorm;
/// Dense 128, LeakyReLU(0.2), LayerNorm, Dropout 0.4; Dense 64, LeakyReLU(0.2), LayerNorm, Dropout 0.3;
/// Dense 1. The paper's final sigmoid is not applied here: the logit goes to a loss that applies it
/// (binary cross-entropy with logits), which stays finite where sigmoid then log would saturate.
/// <para>
/// The features f_D(x) are the 64-unit activation after its LayerNorm and before its dropout: feature matching
/// compares these statistics between real and reconstructed windows, and a fresh dropout mask on each pass would
/// add noise to that comparison that says nothing about the windows. The earlier dropout (0.4) still acts in
/// training, as in the paper.
/// </para>
/// </summary>
public sealed class DenseDiscriminator : Discriminator
{
    public const int FeatureWidth = 64;

    // Field names are state_dict keys (the discriminator is not saved in artifacts, but keep them stable anyway).
    private readonly Sequential body;
    private readonly Dropout dropout;
    private readonly Linear output;

    public DenseDiscriminator(int channels, int window) : base(nameof(DenseDiscriminator))
    {
        body = Sequential(
            ("dense0", Linear(channels * window, 256)), ("act0", new HeldSlopeLeakyReLU(0.2)), ("norm0", LayerNorm(256)),
            ("dense1", Linear(256, 128)), ("act1", new HeldSlopeLeakyReLU(0.2)), ("norm1", LayerNorm(128)), ("drop1", Dropout(0.4)),
            ("dense2", Linear(128, FeatureWidth)), ("act2", new HeldSlopeLeakyReLU(0.2)), ("norm2", LayerNorm(FeatureWidth)));
        dropout = Dropout(0.3);
        output = Linear(FeatureWidth, 1);
        RegisterComponents();
    }

    /// <summary>Logits [batch] and features [batch, 64] of windows [batch, C, W].</summary>
    public override (Tensor Logits, Tensor Features) Evaluate(Tensor windows)
    {
        using var scope = NewDisposeScope();
        var features = body.forward(windows.flatten(1));
        var logits = output.forward(dropout.forward(features)).squeeze(1);
        return (logits.MoveToOuterDisposeScope(), features.MoveToOuterDisposeScope());
    }
}
