using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.Layers;

/// <summary>
/// DCGAN's encoder (Radford et al. 2015, as GANomaly uses it): 4×4 convolutions of stride 2 halve the image down
/// to 4×4 (no batch norm on the first, batch norm + LeakyReLU 0.2 on the rest, channels doubling from
/// <c>baseWidth</c> up to 8×), then DCGAN's last 4×4 convolution without padding maps the 4×4 features to
/// <c>outputs</c> values per image — written as the equivalent linear layer over the flattened features, because
/// TorchSharp 0.107's CPU backward of that convolution returned NaN input gradients on its first call (seen with one
/// output channel: the discriminator's first update poisoned every weight). The same module is the encoders of conv-ae-2d and GANomaly (outputs = z) and
/// the discriminators (outputs = 1 logit, <see cref="Features"/> = the last hidden features for feature matching).
/// </summary>
internal sealed class DcganEncoder : Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Linear head;

    public DcganEncoder(int channels, int size, int baseWidth, int outputs) : base(nameof(DcganEncoder))
    {
        var widths = DcganLevels.Widths(size, baseWidth);
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            ("conv0", new GemmConv2d(channels, widths[0], 4, stride: 2, padding: 1, bias: false)),
            ("act0", new HeldSlopeLeakyReLU(0.2)),
        };
        for (var level = 1; level < widths.Length; level++)
        {
            layers.Add(($"conv{level}", new GemmConv2d(widths[level - 1], widths[level], 4, stride: 2, padding: 1, bias: false)));
            layers.Add(($"norm{level}", CounterFreeBatchNorm.Create2d(widths[level])));
            layers.Add(($"act{level}", new HeldSlopeLeakyReLU(0.2)));
        }
        body = Sequential(layers);
        head = Linear(widths[^1] * 16, outputs, hasBias: false);
        FeatureChannels = widths[^1];
        RegisterComponents();
    }

    /// <summary>Channels of <see cref="Features"/> (which are 4×4).</summary>
    public int FeatureChannels { get; }

    /// <summary>The last hidden features [batch, FeatureChannels, 4, 4].</summary>
    public Tensor Features(Tensor images) => body.forward(images);

    /// <summary>Maps features from <see cref="Features"/> to the outputs [batch, outputs] (no second pass through the body).</summary>
    public Tensor Head(Tensor features) => head.forward(features.flatten(1));

    /// <summary>[batch, outputs].</summary>
    public override Tensor forward(Tensor images) => Head(Features(images));
}
