using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// Pushes scored windows to an asset's group with at most one push in flight per asset, and at most one
/// per <see cref="PushOptions.WindowInterval"/>: windows that arrive while nothing is being sent go out at
/// once; windows that arrive during a push (or within the interval after one) wait and go out together in
/// the next push, which carries every window since the previous one, in sequence order. So pushes are
/// batched by how fast the group can be sent to rather than delayed by a fixed period, and never overtake
/// each other.
/// </summary>
public sealed class WindowPushThrottle(
    IHubContext<MonitoringHub, IMonitoringClient> hub, IOptions<PushOptions> options, TimeProvider time, ILogger<WindowPushThrottle> logger)
{
    private readonly ConcurrentDictionary<int, AssetBuffer> _assets = new();

    public void Enqueue(int assetId, IReadOnlyList<WindowPoint> windows)
    {
        if (windows.Count == 0) return;
        var buffer = _assets.GetOrAdd(assetId, _ => new AssetBuffer());
        lock (buffer)
        {
            buffer.Pending.AddRange(windows);
            // The push in flight (or waiting for its turn) takes these windows along.
            if (buffer.Sending) return;
            buffer.Sending = true;
        }
        // Not awaited: the scorer goes on with its next batch while the group is sent to (a push is only a
        // hint, and a failed one is logged inside). The send starts here, on the caller's thread.
        _ = SendWhilePendingAsync(assetId, buffer);
    }

    /// <summary>Sends the pending windows, then whatever arrived meanwhile, until none is left.</summary>
    private async Task SendWhilePendingAsync(int assetId, AssetBuffer buffer)
    {
        while (true)
        {
            TimeSpan wait;
            lock (buffer) wait = buffer.LastSent + options.Value.WindowInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time);
            WindowPoint[] windows;
            lock (buffer)
            {
                if (buffer.Pending.Count == 0)
                {
                    buffer.Sending = false;
                    return;
                }
                windows = [.. buffer.Pending.OrderBy(w => w.Sequence)];
                buffer.Pending.Clear();
                buffer.LastSent = time.GetUtcNow();
            }
            try
            {
                await hub.Clients.Group(MonitoringHub.AssetGroup(assetId)).WindowsScored(new WindowsScored(assetId, windows, windows[^1].Sequence));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Window push to asset {AssetId} failed; clients will catch up from the database.", assetId);
            }
        }
    }

    private sealed class AssetBuffer
    {
        public List<WindowPoint> Pending { get; } = [];
        public DateTimeOffset LastSent { get; set; } = DateTimeOffset.MinValue;
        public bool Sending { get; set; }
    }
}
