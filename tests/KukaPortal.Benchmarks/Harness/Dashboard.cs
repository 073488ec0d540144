using System.Collections.Concurrent;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>
/// One dashboard's live chart: a SignalR client (WebSockets, a connection of its own) joined to one asset.
/// It records each pushed window's latency (received − the window's time, which the feeder stamps with its
/// send time, so both ends read one clock), the live windows it got, and whether the connection dropped.
/// </summary>
public sealed class Dashboard : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<(Guid RunId, int Index), byte> _received = new();
    private bool _closing;

    private Dashboard(HubConnection hub, int assetId, LatencyLog latencies)
    {
        _hub = hub;
        AssetId = assetId;
        _hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), m =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var w in m.Windows)
            {
                _received.TryAdd((w.RunId, w.WindowIndex), 0);
                latencies.Add(w.At, (now - w.At).TotalMilliseconds);
            }
        });
        _hub.Closed += _ =>
        {
            if (!_closing) Interlocked.Increment(ref _disconnects);
            return Task.CompletedTask;
        };
    }

    private int _disconnects;

    public int AssetId { get; }

    /// <summary>Times the connection closed without this dashboard closing it.</summary>
    public int Disconnects => Volatile.Read(ref _disconnects);

    /// <summary>How many of the run's windows from <paramref name="first"/> to <paramref name="last"/> never reached this dashboard.</summary>
    public int Missing(Guid runId, int first, int last) =>
        Enumerable.Range(first, Math.Max(0, last - first + 1)).Count(i => !_received.ContainsKey((runId, i)));

    public static async Task<Dashboard> ConnectAsync(Uri baseAddress, string cookie, int assetId, LatencyLog latencies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, MonitoringHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        var dashboard = new Dashboard(hub, assetId, latencies);
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId);
        return dashboard;
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _hub.DisposeAsync();
    }
}
