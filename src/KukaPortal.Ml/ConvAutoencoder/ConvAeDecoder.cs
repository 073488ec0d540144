using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.ConvAutoencoder;

/// <summary>
/// DCGAN-style decoder, the encoder mirrored: ConvTranspose1d with BatchNorm and ReLU, except the output
/// layer, which has neither and ends in Tanh. Maps [batch, L, 1] back to [batch, C, W].
/// </summary>
public sealed class ConvAeDecoder : Module<Tensor, Tensor>
{
    // Field names are state_dict keys: renaming them breaks saved artifacts.
    private readonly Sequential layers;

    public ConvAeDecoder(ConvAePlan plan) : base(nameof(ConvAeDecoder))
    {
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        for (var i = plan.Stages.Count - 1; i >= 0; i--)
        {
            var s = plan.Stages[i];
            var isOutput = i == 0;
            modules.Add(($"deconv{i}", new GemmConvTranspose1d(s.NarrowChannels, s.WideChannels, s.Kernel, s.Stride, s.Padding,
                s.OutputPadding, bias: isOutput)));
            if (isOutput)
            {
                modules.Add(("tanh", Tanh()));
            }
            else
            {
                modules.Add(($"norm{i}", CounterFreeBatchNorm.Create(s.WideChannels)));
                modules.Add(($"act{i}", ReLU()));
            }
        }
        layers = Sequential(modules);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
