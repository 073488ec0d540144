using System.Net;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Images;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>
/// An inspection station end to end through the API and the real job worker: a tiny conv-ae-2d (32 px, grey) trains
/// on the uploaded set's train/ part and scores its test/ part image by image.
/// </summary>
public class ImageJobTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_station_trains_an_image_model_scores_its_test_set_raises_k_of_n_alarms_and_a_retry_stores_nothing_twice()
    {
        using var session = await SignInAsAdminAsync();
        var stationId = await CreateStationAsync();
        var (train, test) = await UploadSetAsync(session, stationId);

        var trained = await RunImageTrainingAsync(session, stationId, new { recordingIds = new[] { train }, family = "conv-ae-2d", size = 32, iterations = 60, batchSize = 8 });

        trained.State.ShouldBe("Succeeded", trained.Error);
        var model = await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.AssetId == stationId));
        (model.Family, model.Window, model.Version, model.Id).ShouldBe(("conv-ae-2d", 1, 1, trained.ModelId!.Value));
        model.Threshold.ShouldBeGreaterThan(0);
        (await Portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == stationId))).ActiveModelId.ShouldBe(model.Id);
        var summary = TrainingJson.Read<TrainingSummary>(model.TrainingSummary).ShouldNotBeNull();
        (summary.Family, summary.IterationsRun, summary.NormalRecordingIds.Single()).ShouldBe(("conv-ae-2d", 60, train));
        (await Portal.WithDbAsync(db => db.JobLosses.CountAsync(l => l.JobId == trained.Id))).ShouldBeGreaterThan(0);

        // Every image above the threshold: the K-of-N rule (2 of 3) must raise exactly one alarm, at the second image.
        await Portal.WithDbAsync(db => db.Models.Where(m => m.Id == model.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ThresholdOverride, 1e-9)));
        var scored = await RunJobAsync(session, stationId, "score-images", test, JobTimeout);

        scored.State.ShouldBe("Succeeded", scored.Error);
        var windows = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == scored.Id).OrderBy(w => w.WindowIndex).ToListAsync());
        windows.Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, 11));
        windows.ShouldAllBe(w => w.AboveThreshold && w.EndRow == w.StartRow + 1 && w.StartRow == w.WindowIndex && w.ModelId == model.Id);
        var images = await Portal.WithDbAsync(db => db.InspectionImages.Where(i => i.RunId == scored.Id).OrderBy(i => i.WindowIndex).ToListAsync());
        images.Select(i => (i.WindowIndex, i.RecordingId, i.ImageIndex)).ShouldBe(Enumerable.Range(0, 11).Select(i => (i, (int?)test, (int?)i)));
        images.Select(i => i.Label).Distinct().Order().ShouldBe(["crack", "good", "hole", "scratch", "stain"]);
        images.First(i => i.Label == "crack").Name.ShouldStartWith("test/crack/");
        var alarm = await Portal.WithDbAsync(db => db.Alarms.SingleAsync(a => a.RunId == scored.Id));
        alarm.FirstWindowIndex.ShouldBe(1);

        // A retry after a crash that lost the last 4 images' transaction continues after the last stored image.
        await Portal.WithDbAsync(async db =>
        {
            await db.InspectionImages.Where(i => i.RunId == scored.Id && i.WindowIndex >= 7).ExecuteDeleteAsync();
            await db.WindowScores.Where(w => w.RunId == scored.Id && w.WindowIndex >= 7).ExecuteDeleteAsync();
            return await db.Jobs.Where(j => j.Id == scored.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.FinishedAt, (DateTimeOffset?)null));
        });
        (await WaitForJobAsync(session, scored.Id, JobTimeout, "Succeeded", "Failed")).State.ShouldBe("Succeeded");

        (await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == scored.Id).Select(w => w.WindowIndex).OrderBy(i => i).ToListAsync())).ShouldBe(Enumerable.Range(0, 11));
        (await Portal.WithDbAsync(db => db.InspectionImages.CountAsync(i => i.RunId == scored.Id))).ShouldBe(11);
        (await Portal.WithDbAsync(db => db.Alarms.CountAsync(a => a.RunId == scored.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task The_scheduler_refuses_jobs_that_do_not_fit_the_asset_kind_or_its_data()
    {
        using var session = await SignInAsAdminAsync();
        var stationId = await CreateStationAsync();
        var robotId = await CreateAssetAsync();
        var (train, test) = await UploadSetAsync(session, stationId);

        await ShouldRefuse(session, $"/api/assets/{stationId}/jobs/score-images", new { recordingId = test }, HttpStatusCode.Conflict, "no trained model yet");
        await ShouldRefuse(session, $"/api/assets/{stationId}/jobs/train-images", new { recordingIds = new[] { test } }, HttpStatusCode.UnprocessableEntity, "holds test images");
        await ShouldRefuse(session, $"/api/assets/{stationId}/jobs/train-images", new { recordingIds = new[] { train }, family = "conv-ae" }, HttpStatusCode.BadRequest, "Unknown image family 'conv-ae'");
        await ShouldRefuse(session, $"/api/assets/{robotId}/jobs/train-images", new { recordingIds = new[] { train } }, HttpStatusCode.UnprocessableEntity, "is a robot cell");
        await ShouldRefuse(session, $"/api/assets/{stationId}/jobs/train", new { recordingIds = new[] { train } }, HttpStatusCode.UnprocessableEntity, "is an inspection station");
        await ShouldRefuse(session, $"/api/assets/{stationId}/jobs/score", new { recordingId = test }, HttpStatusCode.Conflict, "is an inspection station");
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync())).ShouldBe(0);
    }

    private static async Task ShouldRefuse(PortalSession session, string url, object body, HttpStatusCode status, string expected)
    {
        var response = await session.Client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, $"{url}: {text}");
        text.ShouldContain(expected, Case.Sensitive, url);
    }

    private static async Task<JobView> RunImageTrainingAsync(PortalSession session, int assetId, object request)
    {
        var queued = await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train-images", request, TestContext.Current.CancellationToken));
        return await WaitForJobAsync(session, queued.Id, JobTimeout);
    }

    private async Task<(int Train, int Test)> UploadSetAsync(PortalSession session, int stationId)
    {
        var response = await session.Client.PostAsync($"/api/assets/{stationId}/recordings?fileName=parts.zip&size=32",
            new ByteArrayContent(InspectionZips.Mvtec(InspectionZips.Small())), TestContext.Current.CancellationToken);
        var uploaded = await session.ReadAsync<UploadView>(response);
        return (uploaded.Recordings.Single(r => r.Purpose == "normal").Id, uploaded.Recordings.Single(r => r.Purpose == "scoring").Id);
    }

    private Task<int> CreateStationAsync() => Portal.WithDbAsync(async db =>
    {
        var station = new Asset { Name = "Station 1", Kind = AssetKind.InspectionStation, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
        db.Assets.Add(station);
        await db.SaveChangesAsync();
        return station.Id;
    });
}
