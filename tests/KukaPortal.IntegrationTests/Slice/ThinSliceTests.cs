using System.Collections.Concurrent;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Slice;

/// <summary>Upload normal data, train, upload new data, score, watch it arrive over SignalR, acknowledge the alarm.</summary>
public class ThinSliceTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Scores_pushed_live_are_the_stored_windows_and_the_anomaly_raises_an_alarm_that_an_operator_acknowledges()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var training = await TrainOnNormalDataAsync(session, assetId);
        training.ModelId.ShouldNotBeNull();

        var pushed = new ConcurrentQueue<WindowPoint>();
        var alarmPushes = new ConcurrentQueue<AlarmChanged>();
        await using var hub = session.CreateHubConnection();
        hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), m => { foreach (var w in m.Windows) pushed.Enqueue(w); });
        hub.On<AlarmChanged>(nameof(IMonitoringClient.AlarmChanged), alarmPushes.Enqueue);
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, TestContext.Current.CancellationToken);

        // 1600 rows at W = 16 are 100 windows; rows 800..879 (windows 50..54) carry the anomaly.
        var scoringId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");
        var scoring = await RunJobAsync(session, assetId, "score", scoringId, TimeSpan.FromMinutes(2));
        scoring.State.ShouldBe("Succeeded", scoring.Error);

        var stored = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == scoring.Id).OrderBy(w => w.WindowIndex).ToListAsync());
        stored.Count.ShouldBe(100);
        stored.Select(w => w.Sequence).ShouldBeUnique();
        // Each window's time is the job's creation plus its end's offset in the recording, so a retry would repeat it.
        var createdAt = await Portal.WithDbAsync(db => db.Jobs.Where(j => j.Id == scoring.Id).Select(j => j.CreatedAt).SingleAsync());
        stored.ShouldAllBe(w => w.At == new RunClock(createdAt, stored[0].StartSeconds).At(w.EndSeconds));
        var channels = await Portal.WithDbAsync(db => db.Models.Where(m => m.Id == scoring.ModelId).Select(m => m.ChannelNames).SingleAsync());
        channels.ShouldNotBeNull().ShouldNotBeEmpty();
        stored.ShouldAllBe(w => w.ChannelContributions != null && w.ChannelContributions.Length == ContributionCodec.BytesPerChannel * channels.Length);
        stored.Where(w => w.WindowIndex is >= 50 and <= 54).ShouldAllBe(w => w.AboveThreshold);
        stored.Count(w => w.AboveThreshold).ShouldBeLessThan(15, "the normal part of the recording should stay mostly below the threshold: " + string.Join(" ", stored.Select(w => w.Calibrated.ToString("F2"))));

        await WaitUntilAsync(() => pushed.Count >= stored.Count, TimeSpan.FromSeconds(10));
        pushed.Select(p => p.Sequence).Order().ShouldBe(stored.Select(w => w.Sequence).Order());

        var alarm = await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.AssetId == assetId && a.FirstWindowIndex >= 50 && a.FirstWindowIndex <= 54));
        alarm.State.ShouldBeOneOf(AlarmState.ActiveUnacknowledged, AlarmState.ReturnedUnacknowledged);
        await WaitUntilAsync(() => alarmPushes.Any(a => a.AlarmId == alarm.Id), TimeSpan.FromSeconds(10));

        var ack = await session.Client.PostAsJsonAsync($"/api/alarms/{alarm.Id}/acknowledge", new { comment = "Gripper hit the fixture" }, TestContext.Current.CancellationToken);
        ack.EnsureSuccessStatusCode();

        var events = await Portal.WithDbAsync(db => db.AlarmEvents.Where(e => e.AlarmId == alarm.Id).OrderBy(e => e.Id).ToListAsync());
        var acknowledged = events.Single(e => e.Kind == AlarmEventKind.Acknowledged);
        acknowledged.User.ShouldBe(PortalFactory.AdminEmail);
        acknowledged.Comment.ShouldBe("Gripper hit the fixture");
        acknowledged.At.ShouldBeGreaterThan(alarm.RaisedAt.AddSeconds(-1));
        events[0].Kind.ShouldBe(AlarmEventKind.Raised);
    }

    [Fact]
    public async Task Acknowledging_twice_records_one_acknowledgement()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var alarmId = await Portal.WithDbAsync(async db =>
        {
            var alarm = new KukaPortal.Data.Entities.Alarm { AssetId = assetId, State = AlarmState.ActiveUnacknowledged, RaisedAt = DateTimeOffset.UtcNow };
            db.Alarms.Add(alarm);
            await db.SaveChangesAsync();
            return alarm.Id;
        });

        var first = await session.Client.PostAsJsonAsync($"/api/alarms/{alarmId}/acknowledge", new { comment = "first" }, TestContext.Current.CancellationToken);
        var second = await session.Client.PostAsJsonAsync($"/api/alarms/{alarmId}/acknowledge", new { comment = "second" }, TestContext.Current.CancellationToken);

        (await first.Content.ReadFromJsonAsync<AckView>(TestContext.Current.CancellationToken))!.Changed.ShouldBeTrue();
        (await second.Content.ReadFromJsonAsync<AckView>(TestContext.Current.CancellationToken))!.Changed.ShouldBeFalse();
        var acknowledgements = await Portal.WithDbAsync(db => db.AlarmEvents.CountAsync(e => e.AlarmId == alarmId && e.Kind == AlarmEventKind.Acknowledged));
        acknowledgements.ShouldBe(1);
    }

    [Fact]
    public async Task Scoring_without_a_trained_model_is_refused_at_once()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(200), "scoring");

        var response = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/score", new { recordingId }, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(409);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("no trained model");
    }

    private sealed record AckView(long Id, string State, bool Changed);

}
