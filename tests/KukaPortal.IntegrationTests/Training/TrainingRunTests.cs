using System.Collections.Concurrent;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Training;

/// <summary>Training jobs with their own parameters on the real worker and torch: losses stored and pushed, the evaluation stored with the model, retraining from false alarms.</summary>
public class TrainingRunTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_normal_recordings_and_a_labelled_validation_recording_give_a_measured_model_and_live_loss_points()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var first = await UploadAsync(session, assetId, RobotCsv.Normal(1500, seed: 1), "normal", "monday.csv");
        var second = await UploadAsync(session, assetId, RobotCsv.Normal(1200, seed: 3), "normal", "tuesday.csv");
        var validation = await UploadAsync(session, assetId, RobotCsv.Labelled(1600, anomalyStart: 800, anomalyLength: 160), "scoring", "labelled.csv");

        var pushed = new ConcurrentQueue<TrainingLoss>();
        await using var hub = session.CreateHubConnection();
        hub.On<TrainingLoss>(nameof(IMonitoringClient.TrainingLoss), pushed.Enqueue);
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, TestContext.Current.CancellationToken);

        var response = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", new
        {
            recordingIds = new[] { first, second }, validationRecordingId = validation, family = "conv-ae",
            window = 16, latent = 8, iterations = 60, thresholdStrategy = "f1max",
        }, TestContext.Current.CancellationToken);
        var queued = await session.ReadAsync<PortalApi.JobView>(response);
        var job = await PortalApi.WaitForJobAsync(session, queued.Id, JobTimeout);
        job.State.ShouldBe("Succeeded", job.Error);

        var model = await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.Id == job.ModelId));
        var evaluation = TrainingJson.Read<ModelEvaluation>(model.Evaluation).ShouldNotBeNull();
        evaluation.RecordingId.ShouldBe(validation);
        evaluation.Windows.ShouldBe(100); // 1600 rows at the scoring stride W = 16
        evaluation.AnomalousWindows.ShouldBe(10);
        new[] { evaluation.AveragePrecision, evaluation.F1Max, evaluation.RocAuc, evaluation.RecallAtThreshold }.ShouldAllBe(v => v >= 0 && v <= 1);
        evaluation.PrecisionRecall.Count.ShouldBeInRange(2, 200);
        evaluation.Histogram.Normal.Count.ShouldBe(40);
        evaluation.Histogram.Edges.Count.ShouldBe(41);
        evaluation.Histogram.Normal.Sum().ShouldBe(90);
        evaluation.Histogram.Anomalous.Sum().ShouldBe(10);
        // f1max moved the saved threshold to the F1 maximum on the validation recording.
        model.Threshold.ShouldBe(evaluation.F1MaxThreshold, 1e-9);
        evaluation.Threshold.ShouldBe(model.Threshold, 1e-9);

        var summary = TrainingJson.Read<TrainingSummary>(model.TrainingSummary).ShouldNotBeNull();
        summary.NormalRecordingIds.ShouldBe([first, second]);
        summary.Family.ShouldBe("conv-ae");
        (summary.Window, summary.Latent, summary.Iterations, summary.IterationsRun).ShouldBe((16, 8, 60, 60));
        summary.ThresholdStrategy.ShouldBe("f1max");
        summary.FinalLoss.ShouldBeGreaterThan(0);

        // 60 iterations report every 10 (LossCadence): six points, each stored once and pushed.
        var stored = await Portal.WithDbAsync(db => db.JobLosses.Where(l => l.JobId == job.Id).OrderBy(l => l.Iteration).ToListAsync());
        stored.Select(l => l.Iteration).ShouldBe([10, 20, 30, 40, 50, 60]);
        stored.ShouldAllBe(l => l.Reconstruction > 0 && l.Validation > 0 && l.DiscriminatorLoss == null);
        await WaitUntilAsync(() => pushed.SelectMany(p => p.Points).Select(p => p.Iteration).Distinct().Count() == 6, TimeSpan.FromSeconds(10));
        pushed.ShouldAllBe(p => p.JobId == job.Id && p.AssetId == assetId);
        pushed.SelectMany(p => p.Points).OrderBy(p => p.Iteration).Select(p => p.Reconstruction).ShouldBe(stored.Select(l => l.Reconstruction));
    }

    [Fact]
    public async Task An_adversarial_run_stores_discriminator_loss_and_accuracy_points()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var normal = await UploadAsync(session, assetId, RobotCsv.Normal(1500), "normal");

        var response = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train",
            new { recordingIds = new[] { normal }, family = "aae", window = 16, latent = 8, lambda = 0.01, iterations = 20 }, TestContext.Current.CancellationToken);
        var job = await PortalApi.WaitForJobAsync(session, (await session.ReadAsync<PortalApi.JobView>(response)).Id, JobTimeout);
        job.State.ShouldBe("Succeeded", job.Error);

        var stored = await Portal.WithDbAsync(db => db.JobLosses.Where(l => l.JobId == job.Id).OrderBy(l => l.Iteration).ToListAsync());
        stored.Select(l => l.Iteration).ShouldBe([10, 20]);
        stored.ShouldAllBe(l => l.DiscriminatorLoss > 0 && l.DiscriminatorAccuracy >= 0 && l.DiscriminatorAccuracy <= 1);
        var model = await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.Id == job.ModelId));
        model.Evaluation.ShouldBeNull();
        var summary = TrainingJson.Read<TrainingSummary>(model.TrainingSummary).ShouldNotBeNull();
        summary.Lambda.ShouldBe(0.01);
        summary.FinalDiscriminatorAccuracy.ShouldNotBeNull();
    }

    [Fact]
    public async Task Retraining_with_false_alarms_adds_the_rows_of_classified_scoring_alarms_and_skips_stream_alarms()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var normal = await UploadAsync(session, assetId, RobotCsv.Normal(3000), "normal", "normal.csv");
        var trained = await RunJobAsync(session, assetId, "train", normal, JobTimeout);
        trained.State.ShouldBe("Succeeded", trained.Error);
        var scoringId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");
        var scoring = await RunJobAsync(session, assetId, "score", scoringId, JobTimeout);
        scoring.State.ShouldBe("Succeeded", scoring.Error);

        var alarm = await Portal.WithDbAsync(db => db.Alarms.OrderBy(a => a.Id).FirstAsync(a => a.RunId == scoring.Id));
        (await session.Client.PostAsJsonAsync($"/api/alarms/{alarm.Id}/classify", new { classification = "FalseAlarm", comment = "Fixture change" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var streamAlarm = await Portal.WithDbAsync(async db =>
        {
            var fromStream = new Alarm
            {
                AssetId = assetId, RunId = Guid.NewGuid(), State = AlarmState.Normal, RaisedAt = DateTimeOffset.UtcNow,
                FirstWindowIndex = 3, LastWindowIndex = 5, Classification = AlarmClassification.FalseAlarm,
            };
            db.Alarms.Add(fromStream);
            await db.SaveChangesAsync();
            return fromStream.Id;
        });
        var windows = await Portal.WithDbAsync(db => db.WindowScores
            .Where(w => w.RunId == scoring.Id && w.WindowIndex >= alarm.FirstWindowIndex && w.WindowIndex <= alarm.LastWindowIndex).ToListAsync());

        var response = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train",
            new { recordingIds = new[] { normal }, iterations = 30, includeFalseAlarms = true }, TestContext.Current.CancellationToken);
        var retrain = await session.ReadAsync<RetrainView>(response);

        retrain.FalseAlarmsAdded.ShouldBe(1);
        retrain.FalseAlarmsSkipped.ShouldBe(1);
        retrain.SkippedBecause.Single().ShouldContain($"Alarm {streamAlarm} came from a live stream");
        var stored = await Portal.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Id == retrain.Id));
        var segment = TrainingJson.Read<TrainingParameters>(stored.Parameters)!.ExtraSegments.ShouldHaveSingleItem();
        segment.ShouldBe(new TrainingSegment(scoringId, windows.Min(w => w.StartRow), windows.Max(w => w.EndRow), alarm.Id));

        var job = await PortalApi.WaitForJobAsync(session, retrain.Id, JobTimeout);
        job.State.ShouldBe("Succeeded", job.Error);
        var summary = await Portal.WithDbAsync(db => db.Models.Where(m => m.Id == job.ModelId).Select(m => m.TrainingSummary).SingleAsync());
        TrainingJson.Read<TrainingSummary>(summary)!.FalseAlarmSegments.ShouldBe(1);
    }

    private sealed record RetrainView(Guid Id, string State, int FalseAlarmsAdded, int FalseAlarmsSkipped, IReadOnlyList<string> SkippedBecause);
}
