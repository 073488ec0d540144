using System.Collections.Concurrent;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Monitoring;

/// <summary>
/// Two portal nodes on one database: with the Redis backplane a dashboard on node B sees the windows
/// node A stored; without it, B's dashboard gets them from the database when it catches up.
/// </summary>
public sealed class BackplaneTests : IAsyncDisposable
{
    private readonly PortalDeployment _deployment = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Windows_stored_on_one_node_reach_a_dashboard_on_another_through_redis()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestRedis.ConnectionString,
            ["Push:RedisChannelPrefix"] = _deployment.Database, // tests running at once share the one Redis
            ["Portal:Role"] = "Web",
        };
        var a = await StartNodeAsync(settings);
        var b = await StartNodeAsync(settings);
        var (assetId, modelId) = await SeedAsync(a);
        var received = new ConcurrentQueue<WindowPoint>();
        using var session = await PortalSession.SignInAsync(b, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await using var hub = await WatchAsync(session, assetId, received);

        var stored = await StoreAndPushAsync(a, assetId, modelId);

        await WaitUntilAsync(() => received.Count >= stored.Count, TimeSpan.FromSeconds(20));
        received.Select(w => w.Sequence).Order().ShouldBe(stored.Select(w => w.Sequence));
    }

    [Fact]
    public async Task Without_a_backplane_a_dashboard_on_another_node_catches_up_from_the_database()
    {
        var settings = new Dictionary<string, string?> { ["Portal:Role"] = "Web" };
        var a = await StartNodeAsync(settings);
        var b = await StartNodeAsync(settings);
        var (assetId, modelId) = await SeedAsync(a);
        var received = new ConcurrentQueue<WindowPoint>();
        using var session = await PortalSession.SignInAsync(b, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await using var hub = await WatchAsync(session, assetId, received);

        var stored = await StoreAndPushAsync(a, assetId, modelId);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // long enough for a push to arrive, were there a way for it
        var caughtUp = await hub.InvokeAsync<IReadOnlyList<WindowPoint>>(nameof(MonitoringHub.GetWindowsSince), assetId, 0L, Ct);

        received.ShouldBeEmpty();
        caughtUp.Select(w => w.Sequence).ShouldBe(stored.Select(w => w.Sequence));
    }

    private static Task<IReadOnlyList<WindowScoreRow>> StoreAndPushAsync(PortalNode node, int assetId, int modelId) =>
        HubFeed.StoreAndPushAsync(node, assetId, modelId, count: 20, TimeSpan.FromSeconds(1), Ct);

    private static async Task<HubConnection> WatchAsync(PortalSession session, int assetId, ConcurrentQueue<WindowPoint> received)
    {
        var hub = session.CreateHubConnection();
        hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), m => { foreach (var w in m.Windows) received.Enqueue(w); });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, Ct);
        return hub;
    }

    private static Task<(int AssetId, int ModelId)> SeedAsync(PortalNode node) => HubFeed.SeedAssetAsync(node);

    private Task<PortalNode> StartNodeAsync(Dictionary<string, string?> settings) => _deployment.StartNodeAsync(settings);

    public ValueTask DisposeAsync() => _deployment.DisposeAsync();
}
