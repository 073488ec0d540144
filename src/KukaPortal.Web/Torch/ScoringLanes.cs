using KukaPortal.Ml.Runtime;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Torch;

/// <summary>
/// The lanes that batch scoring runs its forward passes on, side by side (ADR 0011): one per torch thread on a CPU
/// (<see cref="TorchOptions.ScoringLanes"/> 0), the number configured otherwise, none on a GPU or with 1. Made on the
/// first score job, after <see cref="TorchStartup"/> has loaded libtorch and set its thread count. While the torch
/// thread waits for a lane's batch it runs waiting live work.
/// </summary>
public sealed class ScoringLanes : IDisposable
{
    private readonly Lazy<TorchLanes?> _lanes;

    // First read on the torch thread (by the first score job), whose libtorch thread count is the configured one.
    public ScoringLanes(TorchStatus status, TorchExecutor torch, IOptions<TorchOptions> options) =>
        _lanes = new Lazy<TorchLanes?>(() => status.Info.Available
            ? TorchLanes.ForScoring(status.Info.ToDevice(), options.Value.ScoringLanes, torch.WaitRunningHigherPriorityWork)
            : null);

    /// <summary>The lanes, or null where batches run one at a time on every torch thread.</summary>
    public TorchLanes? Lanes => _lanes.Value;

    public void Dispose()
    {
        if (_lanes.IsValueCreated)
            _lanes.Value?.Dispose();
    }
}
