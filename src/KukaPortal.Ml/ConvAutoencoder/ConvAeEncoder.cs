using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.ConvAutoencoder;

/// <summary>
/// DCGAN-style encoder: strided Conv1d instead of pooling, BatchNorm and LeakyReLU(0.2) after every layer,
/// no fully connected layer. Maps [batch, C, W] to the latent code [batch, L, 1].
/// </summary>
public sealed class ConvAeEncoder : Module<Tensor, Tensor>
{
    // Field names are state_dict keys: renaming them breaks saved artifacts.
    private readonly Sequential layers;

    public ConvAeEncoder(ConvAePlan plan) : base(nameof(ConvAeEncoder))
    {
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            var s = plan.Stages[i];
            // No bias: the BatchNorm that follows has its own shift.
            modules.Add(($"conv{i}", new GemmConv1d(s.WideChannels, s.NarrowChannels, s.Kernel, s.Stride, s.Padding, bias: false)));
            modules.Add(($"norm{i}", CounterFreeBatchNorm.Create(s.NarrowChannels)));
            modules.Add(($"act{i}", new HeldSlopeLeakyReLU(0.2)));
        }
        layers = Sequential(modules);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
