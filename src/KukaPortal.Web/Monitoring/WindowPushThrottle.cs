using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// Pushes scored windows to an asset's group at most once per <see cref="PushOptions.WindowInterval"/>:
/// windows that arrive after a quiet spell go out at once (low latency), windows that arrive sooner wait
/// and go out together in the next push, which carries every window since the previous one.
/// </summary>
public sealed class WindowPushThrottle(
    IHubContext<MonitoringHub, IMonitoringClient> hub, IOptions<PushOptions> options, TimeProvider time, ILogger<WindowPushThrottle> logger)
{
    private readonly ConcurrentDictionary<int, AssetBuffer> _assets = new();

    public Task EnqueueAsync(int assetId, IReadOnlyList<WindowPoint> windows)
    {
        if (windows.Count == 0) return Task.CompletedTask;
        var buffer = _assets.GetOrAdd(assetId, _ => new AssetBuffer());
        lock (buffer)
        {
            buffer.Pending.AddRange(windows);
            if (buffer.FlushScheduled) return Task.CompletedTask;
            var wait = buffer.LastSent + options.Value.WindowInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                buffer.FlushScheduled = true;
                _ = FlushLaterAsync(assetId, buffer, wait);
                return Task.CompletedTask;
            }
            buffer.FlushScheduled = true;
        }
        return FlushAsync(assetId, buffer);
    }

    private async Task FlushLaterAsync(int assetId, AssetBuffer buffer, TimeSpan wait)
    {
        await Task.Delay(wait, time);
        await FlushAsync(assetId, buffer);
    }

    private async Task FlushAsync(int assetId, AssetBuffer buffer)
    {
        WindowPoint[] windows;
        lock (buffer)
        {
            windows = [.. buffer.Pending.OrderBy(w => w.Sequence)];
            buffer.Pending.Clear();
            buffer.LastSent = time.GetUtcNow();
            buffer.FlushScheduled = false;
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

    private sealed class AssetBuffer
    {
        public List<WindowPoint> Pending { get; } = [];
        public DateTimeOffset LastSent { get; set; } = DateTimeOffset.MinValue;
        public bool FlushScheduled { get; set; }
    }
}
