using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.BrowserTests.PageQuality;

/// <summary>
/// An asset with what its pages show when in use, made through the real API: two trained models (one active,
/// one candidate), a scored recording and the alarm it raised. Pages are checked with content, not empty.
/// Beside it an inspection station with scored images (<see cref="Station"/>), for the inspection page.
/// </summary>
public sealed record SeededAsset(int AssetId, long AlarmId, InspectionStation Station, Guid StationRunId)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    public static async Task<SeededAsset> CreateAsync(BrowserPortal portal)
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Press line 5", CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var normal = await PortalApi.UploadAsync(session, assetId, RobotCsv.Normal(rows: 1500), "normal", "normal.csv");
        foreach (var iterations in new[] { 150, 100 })
        {
            var trained = await PortalApi.RunTrainingAsync(session, assetId, new { recordingIds = new[] { normal }, iterations }, JobTimeout);
            trained.State.ShouldBe("Succeeded", trained.Error);
        }
        var shift = await PortalApi.UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");
        var scored = await PortalApi.RunJobAsync(session, assetId, "score", shift, JobTimeout);
        scored.State.ShouldBe("Succeeded", scored.Error);
        var alarmId = await portal.WithDbAsync(db => db.Alarms.Where(a => a.AssetId == assetId).Select(a => (long?)a.Id).FirstOrDefaultAsync());
        var station = await InspectionStation.CreateAsync(portal, "Paint shop camera");
        var stationRun = Guid.NewGuid();
        await station.PublishAsync(stationRun, StationModel.TestImages().Select((s, i) => new StationImage($"part-{i:00}.png", s.Key.Label, s.Image)).ToList(),
            DateTimeOffset.UtcNow.AddMinutes(-5));
        return new SeededAsset(assetId, alarmId ?? throw new InvalidOperationException("Scoring shift.csv raised no alarm: the seed needs one for /alarms/{id}."),
            station, stationRun);
    }
}
