using KukaPortal.Ml.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// A copy of a model's parameters and buffers (BatchNorm statistics included), kept outside any dispose
/// scope so early stopping can put back the weights of the best validation loss.
/// </summary>
internal sealed class WeightSnapshot(WindowModel model) : IDisposable
{
    private readonly Dictionary<string, Tensor> saved = [];

    public void Capture()
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in model.state_dict())
        {
            if (saved.TryGetValue(name, out var copy))
                copy.copy_(tensor);
            else
                saved[name] = tensor.detach().clone().DetachFromDisposeScope();
        }
    }

    public void Restore()
    {
        if (saved.Count == 0)
            return;
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in model.state_dict())
            tensor.copy_(saved[name]);
    }

    public void Dispose()
    {
        foreach (var tensor in saved.Values)
            tensor.Dispose();
    }
}
