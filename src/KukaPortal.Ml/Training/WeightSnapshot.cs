using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// A copy of a model's parameters and buffers (BatchNorm statistics included), kept outside any dispose
/// scope so early stopping can put back the weights of the best validation loss.
/// </summary>
internal sealed class WeightSnapshot(nn.Module model) : IDisposable
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

    public bool IsEmpty => saved.Count == 0;

    /// <summary>Writes the captured weights (a checkpoint keeps the best weights of an early-stopping run).</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(saved.Count);
        foreach (var (name, tensor) in saved.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            tensor.Save(writer);
        }
    }

    /// <summary>Reads weights that <see cref="WriteTo"/> wrote for a model of the same shape.</summary>
    public void ReadFrom(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count == 0)
            return;
        Capture(); // allocates one tensor per state entry, shaped like the model's
        using var noGrad = torch.no_grad();
        for (var i = 0; i < count; i++)
            saved[reader.ReadString()].Load(reader);
    }

    public void Dispose()
    {
        foreach (var tensor in saved.Values)
            tensor.Dispose();
    }
}
