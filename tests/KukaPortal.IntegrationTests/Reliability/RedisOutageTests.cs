using System.Diagnostics;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// The Redis backplane is lost and comes back (issue 9): pages still answer on every node, the node that stores
/// windows still pushes them to its own dashboards, a dashboard on another node misses them (degraded) and, once a
/// push reaches it again, reads the gap from the database, so its screen ends up with every window. A node that starts
/// while Redis is down works the same way on its own.
/// </summary>
public sealed class RedisOutageTests : IAsyncDisposable
{
    private readonly PortalDeployment _deployment = new();
    private readonly PrivateRedis _redis = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task When_redis_goes_down_each_node_keeps_serving_and_a_dashboard_elsewhere_catches_up_once_it_returns()
    {
        await _redis.StartAsync();
        var a = await StartNodeAsync();
        var b = await StartNodeAsync();
        var (assetId, modelId) = await SeedAsync(a);
        using var sessionA = await PortalSession.SignInAsync(a, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using var sessionB = await PortalSession.SignInAsync(b, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await using var onA = await Dashboard.OpenAsync(sessionA, assetId);
        await using var onB = await Dashboard.OpenAsync(sessionB, assetId);
        await StoreAndPushAsync(a, assetId, modelId, count: 5);
        await Eventually.WaitUntilAsync(() => onB.Shown == 5, TimeSpan.FromSeconds(10), "the backplane to bring node A's windows to node B");

        _redis.Stop();
        var clock = Stopwatch.StartNew();
        await PagesAnswerAsync(sessionA);
        await PagesAnswerAsync(sessionB);
        await StoreAndPushAsync(a, assetId, modelId, count: 5);
        await Eventually.WaitUntilAsync(() => onA.Shown == 10, TimeSpan.FromSeconds(10), "node A to push its windows to its own dashboard");
        var pushDelay = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // time enough for a push to reach B, had it a way
        onB.Shown.ShouldBe(5, "without Redis node B hears nothing of node A's windows");

        var pushesBefore = onB.PushesReceived;
        await _redis.StartAsync();
        var back = Stopwatch.StartNew();
        // A's pushes reach B again once both nodes have reconnected; each push is a new window, as from a live stream.
        await Eventually.WaitUntilAsync(async () =>
        {
            await StoreAndPushAsync(a, assetId, modelId, count: 1);
            await Task.Delay(250, Ct);
            return onB.PushesReceived > pushesBefore;
        }, TimeSpan.FromSeconds(30), "node B to hear node A again after Redis returned");

        var stored = await a.WithDbAsync(db => Task.FromResult(db.WindowScores.Where(w => w.AssetId == assetId).Select(w => w.Sequence).OrderBy(s => s).ToList()));
        await Eventually.WaitUntilAsync(() => onB.Shown == stored.Count, TimeSpan.FromSeconds(10), "node B's dashboard to catch up");
        onB.Sequences.ShouldBe(stored, "the dashboard on node B shows every stored window, the missed ones read from the database");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Redis down: node A's own dashboard had its windows {pushDelay.TotalMilliseconds:F0} ms after the kill (pages included); " +
            $"Redis back: node B heard node A again and had caught up {back.Elapsed.TotalSeconds:F1} s after the restart.");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_node_started_while_redis_is_down_serves_pages_and_pushes_to_its_own_dashboards()
    {
        var a = await StartNodeAsync(); // nothing listens on the private port yet
        var (assetId, modelId) = await SeedAsync(a);
        using var session = await PortalSession.SignInAsync(a, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await PagesAnswerAsync(session);
        await using var dashboard = await Dashboard.OpenAsync(session, assetId);
        await StoreAndPushAsync(a, assetId, modelId, count: 5);

        await Eventually.WaitUntilAsync(() => dashboard.Shown == 5, TimeSpan.FromSeconds(10), "the node to push to its own dashboard without Redis");
        // Blazor's circuits (every interactive page) are on one node anyway: they must not go through Redis at all.
        var circuits = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        a.Services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(circuits))
            .ShouldBeOfType(typeof(DefaultHubLifetimeManager<>).MakeGenericType(circuits));
    }

    private static async Task PagesAnswerAsync(PortalSession session)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        foreach (var page in new[] { "/", "/alarms", "/health" })
            (await session.Client.GetAsync(page, timeout.Token)).IsSuccessStatusCode.ShouldBeTrue($"{page} answers without Redis");
    }

    private static Task StoreAndPushAsync(PortalNode node, int assetId, int modelId, int count) =>
        HubFeed.StoreAndPushAsync(node, assetId, modelId, count, TimeSpan.FromMilliseconds(1), Ct);

    private static Task<(int AssetId, int ModelId)> SeedAsync(PortalNode node) => HubFeed.SeedAssetAsync(node);

    private Task<PortalNode> StartNodeAsync() => _deployment.StartNodeAsync(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = _redis.ConnectionString,
        ["Portal:Role"] = "Web",
    });

    public async ValueTask DisposeAsync()
    {
        await _deployment.DisposeAsync();
        _redis.Dispose();
    }

    /// <summary>
    /// A live chart as <c>live-score-chart.js</c> keeps one: windows by sequence; a push whose first window is beyond
    /// the next expected sequence means pushes were missed, so it reads the gap with <c>GetWindowsSince</c> first.
    /// </summary>
    private sealed class Dashboard : IAsyncDisposable
    {
        private readonly HubConnection _hub;
        private readonly int _assetId;
        private readonly SortedSet<long> _shown = [];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private int _pushes;

        private Dashboard(HubConnection hub, int assetId)
        {
            _hub = hub;
            _assetId = assetId;
        }

        public int Shown { get { lock (_shown) return _shown.Count; } }
        public IReadOnlyList<long> Sequences { get { lock (_shown) return [.. _shown]; } }
        public int PushesReceived => Volatile.Read(ref _pushes);

        public static async Task<Dashboard> OpenAsync(PortalSession session, int assetId)
        {
            var dashboard = new Dashboard(session.CreateHubConnection(), assetId);
            dashboard._hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), dashboard.OnPushAsync);
            await dashboard._hub.StartAsync(Ct);
            await dashboard._hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, Ct);
            return dashboard;
        }

        private async Task OnPushAsync(WindowsScored message)
        {
            Interlocked.Increment(ref _pushes);
            await _gate.WaitAsync();
            try
            {
                long last;
                lock (_shown) last = _shown.Count == 0 ? 0 : _shown.Max;
                if (message.Windows.Count > 0 && last > 0 && message.Windows[0].Sequence > last + 1)
                    Add(await _hub.InvokeAsync<IReadOnlyList<WindowPoint>>(nameof(MonitoringHub.GetWindowsSince), _assetId, last));
                Add(message.Windows);
            }
            finally
            {
                _gate.Release();
            }
        }

        private void Add(IEnumerable<WindowPoint> windows)
        {
            lock (_shown)
                foreach (var window in windows) _shown.Add(window.Sequence);
        }

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }
}
