using KukaPortal.Ml.Images.Layers;
using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// DCGAN's encoder for square images: stride-2 4×4 convolutions, each halving the side, from the input size down
/// to 4×4 (<see cref="DcganLevels"/>); BatchNorm (not after the first stage, as
/// in DCGAN) and LeakyReLU(0.2). Without BatchNorm it is the body of a WGAN-GP critic, whose gradient penalty
/// is defined per image and would be coupled across the batch by batch statistics.
/// Shared by the CVAE-GAN and adversarial-VAE encoders and their critics; <see cref="Features"/> gives every
/// stage's output for the adversarial VAE's deep-feature-consistent loss. It shares its levels with
/// <see cref="DcganEncoder"/> but stays a class of its own: it centres the input, has biases where no BatchNorm
/// follows, optional BatchNorm, per-stage features and no head, and its field names are saved artifacts' state keys.
/// </summary>
internal sealed class ConvEncoderStack : Module<Tensor, Tensor>
{
    // Field names are state_dict keys.
    private readonly ModuleList<Module<Tensor, Tensor>> stages;

    public ConvEncoderStack(int size, int channels, int baseWidth, bool batchNorm) : base(nameof(ConvEncoderStack))
    {
        var widths = DcganLevels.Widths(size, baseWidth);
        var list = new List<Module<Tensor, Tensor>>();
        long inChannels = channels;
        for (var i = 0; i < widths.Length; i++)
        {
            long outChannels = widths[i];
            var layers = new List<(string, Module<Tensor, Tensor>)>
            {
                // No bias before a BatchNorm: it has its own shift.
                ("conv", new GemmConv2d(inChannels, outChannels, 4, stride: 2, padding: 1, bias: !(batchNorm && i > 0))),
            };
            if (batchNorm && i > 0)
                layers.Add(("norm", CounterFreeBatchNorm.Create2d(outChannels)));
            layers.Add(("act", new HeldSlopeLeakyReLU(0.2)));
            list.Add(Sequential(layers));
            inChannels = outChannels;
        }
        stages = ModuleList(list.ToArray());
        OutputChannels = inChannels;
        RegisterComponents();
    }

    /// <summary>Channels of the last stage's 4×4 output.</summary>
    public long OutputChannels { get; }

    /// <summary>Length of the flattened last stage output.</summary>
    public long FlatSize => OutputChannels * 16;

    /// <summary>Every stage's output, first to last; images in [0, 1] are centred to [−1, 1] first.</summary>
    public IReadOnlyList<Tensor> Features(Tensor images)
    {
        var features = new List<Tensor>(stages.Count);
        var current = images * 2 - 1;
        foreach (var stage in stages)
        {
            current = stage.forward(current);
            features.Add(current);
        }
        return features;
    }

    /// <summary>The last stage's output [batch, OutputChannels, 4, 4].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Features(images)[^1].MoveToOuterDisposeScope();
    }
}
