using System.Collections.Concurrent;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>Replaying a stored recording through the asset's stream scores it like a batch job, window for window.</summary>
public class ReplayTests(PortalFactory portal) : StreamingTest(portal)
{
    [Fact]
    public async Task A_replay_stores_and_pushes_the_same_windows_a_batch_job_scores_and_raises_the_alarm()
    {
        var ct = TestContext.Current.CancellationToken;
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainAsync(session, assetId);
        // 1600 rows at W = 16 are 100 windows; rows 800..879 (windows 50..54) carry the anomaly.
        var recordingId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");

        var pushed = new ConcurrentQueue<WindowPoint>();
        await using var hub = session.CreateHubConnection();
        hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), m => { foreach (var w in m.Windows) pushed.Enqueue(w); });
        await hub.StartAsync(ct);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, ct);

        // 1600 rows of 12 ms are 19 s of recording: about 0.2 s at ×100.
        var started = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/replay", new { recordingId, speed = 100, loop = false }, ct);
        ((int)started.StatusCode).ShouldBe(202);
        var runId = (await started.Content.ReadFromJsonAsync<ReplayView>(ct))!.RunId;
        await WaitUntilAsync(async () => await Portal.WithDbAsync(db => db.StreamRuns.AnyAsync(r => r.Id == runId && r.State == StreamRunState.Finished)),
            TimeSpan.FromMinutes(1), "the replay to finish");

        var replayed = await WindowsOfAsync(runId);
        replayed.Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, 100));
        replayed.Where(w => w.WindowIndex is >= 50 and <= 54).ShouldAllBe(w => w.AboveThreshold);
        replayed[1].StartSeconds.ShouldBe(16 * 0.012, 1e-9);
        (await Portal.WithDbAsync(db => db.Alarms.CountAsync(a => a.RunId == runId && a.FirstWindowIndex >= 50 && a.FirstWindowIndex <= 54))).ShouldBe(1);

        var batch = await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(2));
        var batchWindows = await WindowsOfAsync(batch.Id);
        batchWindows.Count.ShouldBe(100);
        for (var i = 0; i < 100; i++)
            replayed[i].Score.ShouldBe(batchWindows[i].Score, Math.Abs(batchWindows[i].Score) * 1e-4 + 1e-9, $"window {i}");

        await WaitUntilAsync(() => Task.FromResult(replayed.All(w => pushed.Any(p => p.Sequence == w.Sequence))), TimeSpan.FromSeconds(10), "the pushes");
        pushed.Where(p => p.RunId == runId).Select(p => p.WindowIndex).Order().ShouldBe(Enumerable.Range(0, 100));
    }

    [Fact]
    public async Task A_replay_is_refused_with_a_reason_for_a_bad_speed_or_another_assets_recording_and_can_be_stopped()
    {
        var ct = TestContext.Current.CancellationToken;
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var otherAsset = await CreateAssetAsync("Robot 2");
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(200), "normal");
        var modelId = await CreateModelRowAsync(assetId);
        await Portal.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActiveModelId, modelId)));

        var badSpeed = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/replay", new { recordingId, speed = 0 }, ct);
        ((int)badSpeed.StatusCode).ShouldBe(400);
        (await badSpeed.Content.ReadAsStringAsync(ct)).ShouldContain("speed must be above 0");
        var foreign = await session.Client.PostAsJsonAsync($"/api/assets/{otherAsset}/replay", new { recordingId, speed = 1 }, ct);
        ((int)foreign.StatusCode).ShouldBe(404);
        (await foreign.Content.ReadAsStringAsync(ct)).ShouldContain($"does not belong to asset {otherAsset}");

        // A paused stream: ×0.001 plays nothing in the test's time, so the run stays Running until stopped.
        var started = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/replay", new { recordingId, speed = 0.001, loop = true }, ct);
        ((int)started.StatusCode).ShouldBe(202);
        var stop = await session.Client.DeleteAsync($"/api/assets/{assetId}/replay", ct);
        ((int)stop.StatusCode).ShouldBe(204);
        (await Portal.WithDbAsync(db => db.StreamRuns.SingleAsync(r => r.AssetId == assetId))).State.ShouldBe(StreamRunState.Stopped);
        ((int)(await session.Client.DeleteAsync($"/api/assets/{assetId}/replay", ct)).StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task A_looping_replay_whose_owner_loses_its_lock_is_taken_over_and_resumes_without_gaps_or_repeats()
    {
        var ct = TestContext.Current.CancellationToken;
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainAsync(session, assetId);
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 320, seed: 5), "scoring", "loop.csv");

        var started = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/replay", new { recordingId, speed = 5, loop = true }, ct);
        var runId = (await started.Content.ReadFromJsonAsync<ReplayView>(ct))!.RunId;
        var before = (await WaitForWindowsAsync(runId, 25, TimeSpan.FromMinutes(1))).Count;

        // The owner's lock connection drops, as when its node dies; the host notices, stops, and a poll takes the asset again.
        var owner = await LockHolderAsync(assetId);
        owner.ShouldNotBeNull();
        await ExecuteAsync($"SELECT pg_terminate_backend({owner})");
        await WaitUntilAsync(async () => await LockHolderAsync(assetId) is { } pid && pid != owner, TimeSpan.FromSeconds(30), "a new owner");
        var windows = await WaitForWindowsAsync(runId, (await WindowsOfAsync(runId)).Count + 40, TimeSpan.FromMinutes(1));

        // 320 rows are 20 windows a lap; laps continue in stream time, so window i starts at i × 16 rows × 12 ms.
        windows.Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, windows.Count));
        windows.ShouldAllBe(w => Math.Abs(w.StartSeconds - w.WindowIndex * 16 * 0.012) < 1e-6);
        var position = await Portal.WithDbAsync(db => db.StreamRuns.SingleAsync(r => r.Id == runId, ct));
        position.NextRow.ShouldBeGreaterThan(16L * before, "the position is saved as the stream goes");
        ((int)(await session.Client.DeleteAsync($"/api/assets/{assetId}/replay", ct)).StatusCode).ShouldBe(204);
    }

    /// <summary>The server process holding the asset's stream lock, if any.</summary>
    private async Task<int?> LockHolderAsync(int assetId) =>
        await ExecuteAsync($"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = {assetId} AND granted") as int?;

    private async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private sealed record ReplayView(Guid RunId, int AssetId, int RecordingId, double Speed, bool Loop, string State);
}
