using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.SkipGanomaly;

/// <summary>
/// Paper 004's convolution block: two depthwise-separable 3×3 convolutions (a per-channel 3×3 then a 1×1 that
/// mixes channels — SAGAN's way of cutting parameters), each followed by batch norm and LeakyReLU 0.2.
/// </summary>
internal sealed class SeparableConvBlock : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public SeparableConvBlock(int inputs, int outputs) : base(nameof(SeparableConvBlock))
    {
        layers = Sequential(
            ("depthwise1", Conv2d(inputs, inputs, 3, padding: 1, groups: inputs, bias: false)),
            ("pointwise1", new GemmConv2d(inputs, outputs, 1, bias: false)),
            ("norm1", CounterFreeBatchNorm.Create2d(outputs)),
            ("act1", new HeldSlopeLeakyReLU(0.2)),
            ("depthwise2", Conv2d(outputs, outputs, 3, padding: 1, groups: outputs, bias: false)),
            ("pointwise2", new GemmConv2d(outputs, outputs, 1, bias: false)),
            ("norm2", CounterFreeBatchNorm.Create2d(outputs)),
            ("act2", new HeldSlopeLeakyReLU(0.2)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
