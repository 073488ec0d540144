using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KukaPortal.IntegrationTests.Demo;

/// <summary>The first-run demo, stepped by hand (the factory turns the background demo off) on a shorter simulation (9,000 rows: enough cycles for one event of every anomaly kind).</summary>
public class DemoTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_demo_simulates_trains_and_replays_anomalies_by_itself_and_a_restart_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(Portal.Services, Options.Create(new DemoOptions { Enabled = true, Rows = 9000 }));

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (!await seeder.StepAsync(ct))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The demo did not reach its replay.");
            await Task.Delay(250, ct);
        }

        var asset = await Portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.Name == DemoSeeder.AssetName, ct));
        asset.ActiveModelId.ShouldNotBeNull();
        var recordings = await Portal.WithDbAsync(db => db.Recordings.Where(r => r.AssetId == asset.Id).OrderBy(r => r.Id).ToListAsync(ct));
        recordings.Select(r => (r.FileName, r.Purpose)).ShouldBe([(DemoSeeder.NormalFile, RecordingPurpose.Normal), (DemoSeeder.AnomalousFile, RecordingPurpose.Scoring)]);
        recordings[0].Channels.Length.ShouldBe(86);
        recordings[0].AnomalousRows.ShouldBe(0);
        recordings[1].AnomalousRows.ShouldNotBeNull().ShouldBeGreaterThan(0);
        var replay = await Portal.WithDbAsync(db => db.StreamRuns.SingleAsync(r => r.AssetId == asset.Id, ct));
        (replay.Source, replay.State, replay.Loop, replay.Speed, replay.RecordingId).ShouldBe((StreamSource.Replay, StreamRunState.Running, true, 1.0, recordings[1].Id));

        // At recorded speed a window of 16 rows takes 0.2 s, so the first scores arrive within seconds.
        var scoreDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == replay.Id, ct)) < 3)
        {
            if (DateTime.UtcNow > scoreDeadline) throw new TimeoutException("The demo replay stored no scores.");
            await Task.Delay(200, ct);
        }

        (await seeder.StepAsync(ct)).ShouldBeTrue();
        (await Portal.WithDbAsync(db => db.Assets.CountAsync(ct))).ShouldBe(1);
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(ct))).ShouldBe(2);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(ct))).ShouldBe(1);
        (await Portal.WithDbAsync(db => db.StreamRuns.CountAsync(ct))).ShouldBe(1);
    }
}
