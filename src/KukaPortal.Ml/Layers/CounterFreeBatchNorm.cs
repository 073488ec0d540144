using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Layers;

/// <summary>
/// BatchNorm1d without its <c>num_batches_tracked</c> counter: the batch norm every model here uses.
/// <para>
/// Why: in training mode TorchSharp 0.107 bumps that int64 counter with <c>add_(1)</c>, which converts 1 into two
/// temporary <c>Scalar</c>s and hands only their native handles to libtorch. Nothing keeps the managed objects
/// alive across the native call, so their finalizers can free the native scalars while libtorch reads them.
/// Under load, training failed every few hundred iterations with "For integral input tensors, argument alpha must
/// not be a floating point number" (dotnet/TorchSharp PRs 1434 and 1496 track the leak). The counter only matters
/// when momentum is null (a cumulative average); with PyTorch's default momentum of 0.1 the maths are unchanged.
/// </para>
/// </summary>
internal static class CounterFreeBatchNorm
{
    public static BatchNorm1d Create(long features)
    {
        var norm = BatchNorm1d(features);
        norm.num_batches_tracked = null; // also removes the buffer, so it is not in the artifact's weights
        return norm;
    }

    /// <summary>The same for images [batch, C, H, W]: the image detectors' batch norm.</summary>
    public static BatchNorm2d Create2d(long features)
    {
        var norm = BatchNorm2d(features);
        norm.num_batches_tracked = null;
        return norm;
    }

    /// <summary>Back to a fresh layer (weight 1, bias 0, running mean 0, variance 1); TorchSharp's own reset needs the counter.</summary>
    public static void Reset(BatchNorm norm)
    {
        using var noGrad = TorchSharp.torch.no_grad();
        norm.weight?.fill_(1);
        norm.bias?.zero_();
        norm.running_mean?.zero_();
        norm.running_var?.fill_(1);
        norm.num_batches_tracked?.zero_();
    }
}
