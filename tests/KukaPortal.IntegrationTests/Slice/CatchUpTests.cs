using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Slice;

public class CatchUpTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_reconnecting_dashboard_gets_every_window_after_its_last_sequence_from_the_database()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var modelId = await CreateModelRowAsync(assetId);
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var jobId = Guid.NewGuid();
        var start = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);
        var windows = Enumerable.Range(0, 10).Select(i => new ScoredWindow(i, i * 16, i * 16 + 16, i, i + 1, 0.1 * i, 0.2 * i, false, start.AddSeconds(i + 1))).ToList();
        var stored = await writer.StoreAsync(new ScoreBatch(assetId, jobId, modelId, windows, []), TestContext.Current.CancellationToken);

        await using var hub = session.CreateHubConnection();
        await hub.StartAsync(TestContext.Current.CancellationToken);
        var missed = await hub.InvokeAsync<List<WindowPoint>>(nameof(MonitoringHub.GetWindowsSince), assetId, stored.Rows[3].Sequence, TestContext.Current.CancellationToken);

        missed.Select(w => w.WindowIndex).ShouldBe([4, 5, 6, 7, 8, 9]);
        missed.Select(w => w.Sequence).ShouldBe(stored.Rows.Skip(4).Select(r => r.Sequence));
    }
}
