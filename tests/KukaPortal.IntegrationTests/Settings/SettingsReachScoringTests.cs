using System.Net;
using System.Net.Http.Json;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.IntegrationTests.Streaming;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Settings;

/// <summary>
/// A changed alarm rule and threshold override reach the scoring paths: a scoring job queued afterwards uses
/// them, clearing the override restores the trained threshold, and a running replay switches at its next batch.
/// </summary>
public class SettingsReachScoringTests(PortalFactory portal) : StreamingTest(portal)
{
    // Far below any reconstruction error: every window is above it. And far above: none is.
    private const double Tiny = 1e-9;
    private const double Huge = 1e9;

    [Fact]
    public async Task A_job_scored_after_the_changes_uses_the_new_rule_and_override_and_after_clearing_the_trained_threshold()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var modelId = await TrainBrieflyAsync(session, assetId);
        var trained = (await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.Id == modelId))).Threshold;
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 1600), "scoring", "normal-scoring.csv");

        await PutRuleAsync(session, assetId, k: 4, n: 4);
        await PutOverrideAsync(session, assetId, Tiny);
        var overridden = await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(3));
        (await session.Client.DeleteAsync($"/api/assets/{assetId}/threshold-override", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cleared = await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(3));

        overridden.State.ShouldBe("Succeeded", overridden.Error);
        var windows = await WindowsOfAsync(overridden.Id);
        windows.Count.ShouldBeGreaterThan(4);
        windows.ShouldAllBe(w => double.IsFinite(w.Score));
        windows.ShouldAllBe(w => w.AboveThreshold);
        windows.ShouldAllBe(w => Math.Abs(w.Calibrated / (w.Score / Tiny) - 1) < 1e-4);
        // Every window is above, so 4 of 4 raises at the fourth window (index 3); the old 2 of 3 would at index 1.
        var alarm = (await Portal.WithDbAsync(db => db.Alarms.Where(a => a.RunId == overridden.Id).ToListAsync())).ShouldHaveSingleItem();
        alarm.FirstWindowIndex.ShouldBe(3);

        cleared.State.ShouldBe("Succeeded", cleared.Error);
        (await WindowsOfAsync(cleared.Id)).ShouldAllBe(w => Math.Abs(w.Calibrated / (w.Score / trained) - 1) < 1e-4);
    }

    [Fact]
    public async Task A_running_replay_uses_the_new_rule_and_override_from_its_next_batch()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainBrieflyAsync(session, assetId);
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 1600), "scoring", "normal-scoring.csv");
        // Until the change no window is above the threshold, so the alarm can only come from the new settings.
        await PutOverrideAsync(session, assetId, Huge);

        var started = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/replay", new { recordingId, speed = 20, loop = true }, Ct);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runId = (await started.Content.ReadFromJsonAsync<ReplayView>(Ct))!.RunId;
        try
        {
            await WaitForWindowsAsync(runId, 3, TimeSpan.FromMinutes(1));
            await PutRuleAsync(session, assetId, k: 3, n: 3);
            await PutOverrideAsync(session, assetId, Tiny);
            await Eventually.WaitUntilAsync(
                async () => await Portal.WithDbAsync(db => db.Alarms.AnyAsync(a => a.RunId == runId)),
                TimeSpan.FromMinutes(1), "an alarm of the replay");
        }
        finally
        {
            await session.Client.DeleteAsync($"/api/assets/{assetId}/replay", Ct);
        }

        var windows = await WindowsOfAsync(runId);
        var firstAbove = windows.First(w => w.AboveThreshold).WindowIndex;
        windows.Where(w => w.WindowIndex < firstAbove).ShouldAllBe(w => Math.Abs(w.Calibrated / (w.Score / Huge) - 1) < 1e-4);
        windows.Where(w => w.WindowIndex >= firstAbove).ShouldAllBe(w => w.AboveThreshold);
        // 3 of 3 (rebuilt from the stored, all-below decisions) raises at the third window above; 2 of 3 would at the second.
        var alarm = (await Portal.WithDbAsync(db => db.Alarms.Where(a => a.RunId == runId).ToListAsync())).ShouldHaveSingleItem();
        alarm.FirstWindowIndex.ShouldBe(firstAbove + 2);
    }

    /// <summary>A short training: the tests set the threshold themselves, so the model's quality does not matter.</summary>
    private async Task<int> TrainBrieflyAsync(PortalSession session, int assetId)
    {
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        var queued = await session.ReadAsync<PortalApi.JobView>(
            await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", new { recordingIds = new[] { normalId }, iterations = 100 }, Ct));
        var training = await PortalApi.WaitForJobAsync(session, queued.Id, TimeSpan.FromMinutes(4));
        training.State.ShouldBe("Succeeded", training.Error);
        return training.ModelId!.Value;
    }

    private static async Task PutRuleAsync(PortalSession session, int assetId, int k, int n) =>
        (await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/alarm-rule", new { k, n }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task PutOverrideAsync(PortalSession session, int assetId, double threshold) =>
        (await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/threshold-override", new { threshold }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

    private sealed record ReplayView(Guid RunId);
}
