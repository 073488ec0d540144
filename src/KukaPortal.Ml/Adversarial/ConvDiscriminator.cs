using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using KukaPortal.Ml.ConvAutoencoder;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Adversarial;

/// <summary>
/// Paper 000's discriminator: "the same architectural details as the encoder" (DCGAN rules: strided Conv1d,
/// BatchNorm and LeakyReLU(0.2) per stage, no fully connected layer), except that the innermost stage gives
/// one channel instead of L and has neither BatchNorm nor activation, so it yields one logit per window.
/// f_D, the feature map the generator's pairwise feature matching compares, is the output of the stage
/// before it: [batch, 16w, length of the innermost stage's input].
/// <para>
/// Like <see cref="ConvAeModel"/> it maps its [0, 1] inputs to 2x−1 first, so it sees data in the same
/// centred range as the generator's encoder does.
/// </para>
/// </summary>
public sealed class ConvDiscriminator : Discriminator
{
    // Field names are state_dict keys.
    private readonly Sequential layers;
    private readonly GemmConv1d output;

    public ConvDiscriminator(ConvAePlan plan) : base(nameof(ConvDiscriminator))
    {
        var hidden = new List<(string, Module<Tensor, Tensor>)>();
        for (var i = 0; i < plan.Stages.Count - 1; i++)
        {
            var s = plan.Stages[i];
            // No bias: the BatchNorm that follows has its own shift.
            hidden.Add(($"conv{i}", new GemmConv1d(s.WideChannels, s.NarrowChannels, s.Kernel, s.Stride, s.Padding, bias: false)));
            hidden.Add(($"norm{i}", CounterFreeBatchNorm.Create(s.NarrowChannels)));
            hidden.Add(($"act{i}", new HeldSlopeLeakyReLU(0.2)));
        }
        layers = Sequential(hidden);
        var last = plan.Stages[^1];
        output = new GemmConv1d(last.WideChannels, 1, last.Kernel, last.Stride, last.Padding, bias: true);
        RegisterComponents();
    }

    /// <summary>A fresh discriminator for <paramref name="plan"/>, moved to <paramref name="device"/>.</summary>
    public static ConvDiscriminator On(Device device, ConvAePlan plan) => new ConvDiscriminator(plan).to(device);

    public override (Tensor Logits, Tensor Features) Evaluate(Tensor windows)
    {
        using var scope = NewDisposeScope();
        var features = layers.forward(windows * 2 - 1);
        var logits = output.forward(features).flatten();
        return (logits.MoveToOuterDisposeScope(), features.MoveToOuterDisposeScope());
    }
}
