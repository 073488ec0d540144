using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>A dashboard's SignalR connection to one asset (WebSockets, the signed-in user's cookie) that counts the windows pushed to it.</summary>
public sealed class WindowCounter : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private long _received;

    private WindowCounter(HubConnection hub) => _hub = hub;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<WindowCounter> ConnectAsync(Uri baseAddress, string cookie, int assetId)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/monitoring"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        var counter = new WindowCounter(hub);
        hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), m => Interlocked.Add(ref counter._received, m.Windows.Count));
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId);
        return counter;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
