using TorchSharp;
using TorchSharp.Modules;

namespace KukaPortal.Ml.Adversarial;

/// <summary>Re-draws the initial weights of a module's layers, each with the initialiser its constructor used.</summary>
internal static class LayerReset
{
    public static void ResetAll(torch.nn.Module module)
    {
        foreach (var (name, layer) in module.named_modules())
        {
            switch (layer)
            {
                case Convolution convolution:
                    convolution.reset_parameters();
                    break;
                case Linear linear:
                    ResetLinear(linear);
                    break;
                case BatchNorm norm:
                    Layers.CounterFreeBatchNorm.Reset(norm);
                    break;
                case LayerNorm norm:
                    norm.reset_parameters();
                    break;
                default:
                    if (layer.named_parameters(recurse: false).Any())
                        throw new NotSupportedException($"Cannot re-initialise layer '{name}' ({layer.GetType().Name}): it holds parameters but has no known initialiser.");
                    break;
            }
        }
    }

    /// <summary>TorchSharp 0.107's Linear has no reset_parameters; this is the initialiser its constructor (and PyTorch's) uses.</summary>
    private static void ResetLinear(Linear linear)
    {
        torch.nn.init.kaiming_uniform_(linear.weight, Math.Sqrt(5));
        if (linear.bias is null)
            return;
        var fanIn = linear.weight.shape[1];
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        torch.nn.init.uniform_(linear.bias, -bound, bound);
    }
}
