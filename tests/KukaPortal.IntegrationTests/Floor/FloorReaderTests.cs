using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Floor;
using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Floor;

public class FloorReaderTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly DateTimeOffset RunStart = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Reads_every_asset_with_its_mode_model_latest_window_and_open_alarms_by_state()
    {
        var watched = await CreateAssetAsync("B robot");
        var modelId = await CreateModelRowAsync(watched);
        await Portal.WithDbAsync(async db =>
        {
            (await db.Assets.FindAsync(watched))!.ActiveModelId = modelId;
            return await db.SaveChangesAsync();
        });
        var quiet = await CreateAssetAsync("A robot");
        await Portal.WithDbAsync(async db =>
        {
            (await db.Assets.FindAsync(quiet))!.AlarmMode = AssetAlarmMode.OutOfService;
            return await db.SaveChangesAsync();
        });
        var windows = Enumerable.Range(0, 5).Select(i => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, 0.1, 0.5, false, RunStart.AddSeconds(i + 1))).ToList();
        await Portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(watched, Guid.NewGuid(), modelId, windows, []), CancellationToken.None);
        var latestAlarm = RunStart.AddMinutes(-1);
        await AddAlarmsAsync(watched,
            (AlarmState.ActiveUnacknowledged, RunStart.AddMinutes(-5)), (AlarmState.ReturnedUnacknowledged, RunStart.AddMinutes(-4)),
            (AlarmState.ActiveAcknowledged, RunStart.AddMinutes(-3)), (AlarmState.Shelved, RunStart.AddMinutes(-2)),
            (AlarmState.Normal, latestAlarm));
        var scoredAt = await Portal.WithDbAsync(db => Task.FromResult(db.WindowScores.Where(w => w.AssetId == watched).Max(w => w.ScoredAt)));

        var assets = await Portal.Services.GetRequiredService<FloorReader>().ReadAsync(CancellationToken.None);

        assets.Select(a => a.Name).ShouldBe(["A robot", "B robot"]);
        assets[0].ShouldBe(new FloorAsset(quiet, "A robot", AssetAlarmMode.OutOfService, null, null, null, 0, 0, 0));
        assets[1].ShouldBe(new FloorAsset(watched, "B robot", AssetAlarmMode.InService, 1, scoredAt, latestAlarm, 2, 1, 1));
    }

    private Task AddAlarmsAsync(int assetId, params (AlarmState State, DateTimeOffset RaisedAt)[] alarms) => Portal.WithDbAsync(async db =>
    {
        foreach (var (state, raisedAt) in alarms)
            db.Alarms.Add(new Alarm { AssetId = assetId, State = state, RaisedAt = raisedAt, PeakCalibrated = 2, ConditionActive = state is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged });
        return await db.SaveChangesAsync();
    });
}
