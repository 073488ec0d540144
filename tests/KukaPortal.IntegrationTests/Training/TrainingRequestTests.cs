using System.Net.Http.Json;
using KukaPortal.Data.Training;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Training;

/// <summary>What POST /api/assets/{id}/jobs/train refuses, with which status and sentence, and what it stores when it accepts.</summary>
public class TrainingRequestTests(PortalWithoutWorker portal) : PortalTest(portal), IClassFixture<PortalWithoutWorker>
{
    [Fact]
    public async Task Requests_that_cannot_train_are_refused_with_a_reason_and_nothing_is_queued()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var otherAssetId = await CreateAssetAsync("Robot 2");
        var normal = await UploadAsync(session, assetId, RobotCsv.Normal(600), "normal", "normal.csv");
        var scoring = await UploadAsync(session, assetId, RobotCsv.Normal(300), "scoring", "scoring.csv");
        var shortNormal = await UploadAsync(session, assetId, RobotCsv.Normal(150), "normal", "short.csv");
        var foreign = await UploadAsync(session, otherAssetId, RobotCsv.Normal(600), "normal", "foreign.csv");
        var unlabelledScoring = scoring;
        // Uploads must match the asset's channel set, so a recording with other channels can only predate a change of it.
        var otherChannels = await Portal.WithDbAsync(async db =>
        {
            var renamed = new KukaPortal.Data.Entities.Recording
            {
                AssetId = assetId, FileName = "renamed.csv", Format = "csv", Sha256 = "none", OriginalKey = "none", DataKey = "none", Rows = 600,
                Channels = ["axis9_current", "axis2_current"], Report = "{}", UploadedAt = DateTimeOffset.UtcNow,
            };
            db.Recordings.Add(renamed);
            await db.SaveChangesAsync();
            return renamed.Id;
        });
        var allNormalLabels = await UploadAsync(session, assetId, RobotCsv.Labelled(300, anomalyStart: -1, anomalyLength: 0), "scoring", "clean-labelled.csv");

        var cases = new (object Body, int Status, string Says)[]
        {
            (new { }, 400, "at least one recording"),
            (new { recordingIds = new[] { normal, normal } }, 400, "listed twice"),
            (new { recordingIds = new[] { normal }, family = "lstm" }, 400, "'lstm' is not a model family"),
            (new { recordingIds = new[] { normal }, thresholdStrategy = "median" }, 400, "'median' is not a threshold strategy"),
            (new { recordingIds = new[] { normal }, family = "conv-ae", window = 3 }, 422, "W from 5 to 200"),
            (new { recordingIds = new[] { normal }, iterations = 0 }, 422, "Iterations must be more than 0"),
            (new { recordingIds = new[] { normal }, family = "aae", lambda = -1.0 }, 422, "λ (the feature-matching weight) must be 0 or more"),
            (new { recordingIds = new[] { scoring } }, 422, "'scoring.csv' was uploaded for scoring"),
            (new { recordingIds = new[] { normal, foreign } }, 422, $"Recording {foreign} does not belong to asset {assetId}"),
            (new { recordingIds = new[] { normal, otherChannels } }, 422, "'renamed.csv' has other channels than 'normal.csv'"),
            (new { recordingIds = new[] { normal }, validationRecordingId = unlabelledScoring }, 422, "'scoring.csv' has no label column"),
            (new { recordingIds = new[] { normal }, validationRecordingId = allNormalLabels }, 422, "needs both normal and anomalous rows"),
            (new { recordingIds = new[] { normal }, thresholdStrategy = "f1max" }, 422, "f1max threshold needs a labelled validation recording"),
            (new { recordingIds = new[] { normal }, thresholdStrategy = "budget:2/h" }, 422, "choose quantile:Q or f1max"),
            (new { recordingIds = new[] { shortNormal }, window = 100 }, 422, "too few to train on some and hold out others"),
        };

        foreach (var (body, status, says) in cases)
        {
            var response = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", body, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(status, text);
            text.ShouldContain(says, Case.Sensitive, text);
        }
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_older_body_with_one_recording_still_queues_a_job_whose_stored_parameters_are_the_defaults()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var normal = await UploadAsync(session, assetId, RobotCsv.Normal(600), "normal");

        var job = await PortalApi.QueueJobAsync(session, assetId, "train", normal);

        var stored = await Portal.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Id == job.Id));
        var parameters = TrainingJson.Read<TrainingParameters>(stored.Parameters).ShouldNotBeNull();
        parameters.NormalRecordingIds.ShouldBe([normal]);
        parameters.Family.ShouldBe("conv-ae");
        parameters.Window.ShouldBe(16); // the test portal's Training:Window
        parameters.Iterations.ShouldBe(1000);
        parameters.ThresholdStrategy.ShouldBe("quantile:0.99");
        parameters.ExtraSegments.ShouldBeEmpty();
    }
}
