using System.Net;
using KukaPortal.Data.Models;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Models;

/// <summary>The what-if replay counts what each model would have raised, and agrees with a real scoring run of the same model.</summary>
public class WhatIfReplayTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_what_if_replay_over_an_anomalous_recording_counts_the_alarms_a_scoring_run_of_the_same_model_stores()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        var active = (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).ModelId!.Value;
        var candidate = (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).ModelId!.Value;
        // 1600 rows at W = 16: 100 windows, rows 800..879 anomalous.
        var scoringId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");
        var scoring = await RunJobAsync(session, assetId, "score", scoringId, TimeSpan.FromMinutes(2));
        scoring.State.ShouldBe("Succeeded", scoring.Error);
        scoring.ModelId.ShouldBe(active);

        var queued = await session.Client.PostAsync($"/api/assets/{assetId}/models/{candidate}/what-if", null, Ct);
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var jobId = (await session.ReadAsync<PortalApi.JobView>(queued)).Id;
        var job = await PortalApi.WaitForJobAsync(session, jobId, TimeSpan.FromMinutes(2));
        job.State.ShouldBe("Succeeded", job.Error);

        var view = await session.ReadAsync<WhatIfView>(await session.Client.GetAsync($"/api/assets/{assetId}/models/what-if/{jobId}", Ct));
        var result = view.Result.ShouldNotBeNull();
        (result.Recordings, result.Capped, result.AlarmOnDelayK, result.AlarmOnDelayN).ShouldBe((1, false, 2, 3));
        result.Baseline.ModelId.ShouldBe(active);
        result.Candidate.ModelId.ShouldBe(candidate);
        result.Candidate.WindowsScored.ShouldBe(100);

        // The honest cross-check: the baseline is the model the scoring run used, on the same recording.
        var stored = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == scoring.Id).ToListAsync());
        var storedAlarms = await Portal.WithDbAsync(db => db.Alarms.CountAsync(a => a.RunId == scoring.Id));
        result.Baseline.WindowsScored.ShouldBe(stored.Count);
        result.Baseline.WindowsAboveThreshold.ShouldBe(stored.Count(w => w.AboveThreshold));
        result.Baseline.AlarmsRaised.ShouldBe(storedAlarms);
        result.Baseline.AlarmsRaised.ShouldBeGreaterThanOrEqualTo(1);
        result.Candidate.AlarmsRaised.ShouldBeGreaterThanOrEqualTo(1);
        result.Baseline.RecordedSeconds.ShouldBeGreaterThan(0);
        result.Baseline.AlarmsPer10Minutes!.Value.ShouldBe(result.Baseline.AlarmsRaised / (result.Baseline.RecordedSeconds / 600), tolerance: 1e-9);

        // The page reads the latest replay of the candidate after a reload.
        var latest = await Portal.Services.GetRequiredService<ModelsReader>().LatestWhatIfAsync(assetId, candidate, Ct);
        latest!.JobId.ShouldBe(jobId);
    }

    [Fact]
    public async Task A_what_if_replay_is_refused_for_the_active_model_and_without_scoring_recordings()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 160), "normal", "normal.csv");
        var (active, candidate) = await Portal.WithDbAsync(async db =>
        {
            var a = new Data.Entities.DetectorModel { AssetId = assetId, Version = 1, Family = "conv-ae", ArtifactKey = "x", Window = 16, TrainingRecordingId = normalId, CreatedAt = DateTimeOffset.UtcNow };
            var c = new Data.Entities.DetectorModel { AssetId = assetId, Version = 2, Family = "conv-ae", ArtifactKey = "y", Window = 16, TrainingRecordingId = normalId, CreatedAt = DateTimeOffset.UtcNow };
            db.Models.AddRange(a, c);
            await db.SaveChangesAsync();
            (await db.Assets.SingleAsync(x => x.Id == assetId)).ActiveModelId = a.Id;
            await db.SaveChangesAsync();
            return (a.Id, c.Id);
        });

        var onActive = await session.Client.PostAsync($"/api/assets/{assetId}/models/{active}/what-if", null, Ct);
        onActive.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await onActive.Content.ReadAsStringAsync(Ct)).ShouldContain("This is the active model");
        var noRecordings = await session.Client.PostAsync($"/api/assets/{assetId}/models/{candidate}/what-if", null, Ct);
        noRecordings.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await noRecordings.Content.ReadAsStringAsync(Ct)).ShouldContain("no stored scoring recordings");
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(j => j.Kind == Data.Entities.JobKind.WhatIf))).ShouldBe(0);
    }
}
