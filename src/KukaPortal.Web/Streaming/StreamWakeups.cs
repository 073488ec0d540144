using System.Collections.Concurrent;

namespace KukaPortal.Web.Streaming;

/// <summary>
/// Ingest's in-process nudge to the pipeline of the asset, so a live chunk is scored as soon as it is
/// stored instead of at the pipeline's next tick. It only reaches a pipeline on the node that took the
/// chunk; when another node owns the asset, that pipeline's tick still finds the chunk in the database.
/// A wake-up while the pipeline is busy is kept (once) and ends its next wait at once.
/// </summary>
public sealed class StreamWakeups
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _signals = new();

    public void Wake(int assetId)
    {
        var signal = SignalOf(assetId);
        if (signal.CurrentCount > 0) return;
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another request woke it in between: one pending wake-up is all a pipeline needs.
        }
    }

    /// <summary>Waits for a wake-up of the asset or until <paramref name="tick"/> passes, whichever comes first.</summary>
    /// <returns>True when woken, false when the tick passed.</returns>
    public Task<bool> WaitAsync(int assetId, TimeSpan tick, CancellationToken ct) => SignalOf(assetId).WaitAsync(tick, ct);

    private SemaphoreSlim SignalOf(int assetId) => _signals.GetOrAdd(assetId, _ => new SemaphoreSlim(0, 1));
}
