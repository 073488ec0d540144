using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>Whether a module's weights and buffers (batch-norm statistics included) are all finite numbers.</summary>
internal static class FiniteState
{
    public static bool Of(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return module.parameters().Concat(module.buffers()).All(t => isfinite(t).all().item<bool>());
    }
}
