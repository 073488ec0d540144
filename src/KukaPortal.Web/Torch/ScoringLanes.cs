using KukaPortal.Ml.Runtime;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Torch;

/// <summary>
/// The lanes that batch scoring runs its forward passes on, side by side (ADR 0011): one per torch thread on a CPU
/// (<see cref="TorchOptions.ScoringLanes"/> 0), the number configured otherwise, none on a GPU or with 1. Made on the
/// first score job, after <see cref="TorchStartup"/> has loaded libtorch and set its thread count.
/// </summary>
public sealed class ScoringLanes : IDisposable
{
    private readonly Lazy<TorchLanes?> _lanes;

    public ScoringLanes(TorchStatus status, IOptions<TorchOptions> options) =>
        _lanes = new Lazy<TorchLanes?>(() => Count(status.Info, options.Value.ScoringLanes) is > 1 and var count ? new TorchLanes(count) : null);

    /// <summary>The lanes, or null where batches run one at a time on every torch thread.</summary>
    public TorchLanes? Lanes => _lanes.Value;

    private static int Count(TorchInfo torch, int configured) =>
        !torch.Available || torch.DeviceType != "cpu" ? 1 : configured > 0 ? configured : torch.Threads;

    public void Dispose()
    {
        if (_lanes.IsValueCreated)
            _lanes.Value?.Dispose();
    }
}
