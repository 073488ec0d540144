using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Jobs;

public class SideBySideScoringTests(PortalWithTwoScoringLanes portal) : PortalTest(portal), IClassFixture<PortalWithTwoScoringLanes>
{
    [Fact]
    public async Task A_score_job_on_two_lanes_stores_every_window_in_order_with_the_scores_the_detector_gives_one_batch_at_a_time()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainOnNormalDataAsync(session, assetId);
        var recordingId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");

        var job = await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(2));

        job.State.ShouldBe("Succeeded", job.Error);
        Portal.Services.GetRequiredService<ScoringLanes>().Lanes.ShouldNotBeNull().Count.ShouldBe(2);
        var stored = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == job.Id).OrderBy(w => w.WindowIndex)
            .Select(w => new { w.WindowIndex, w.Sequence, w.Score, w.AboveThreshold }).ToListAsync());
        // 100 windows of 16 rows in batches of 16 (the test portal's batch size): seven batches over the two lanes.
        stored.Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, 100));
        // Sequences are taken as batches are stored: in window order only if the batches reached storage in order.
        stored.Select(w => w.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        var expected = await ScoreOneBatchAtATimeAsync(assetId, recordingId);
        stored.Zip(expected, (s, e) => Math.Abs(s.Score - e.Score) / Math.Max(1e-6, e.Score)).Max().ShouldBeLessThan(1e-6);
        stored.Select(w => w.AboveThreshold).ShouldBe(expected.Select(e => e.AboveThreshold));
        stored.ShouldContain(w => w.AboveThreshold, "the injected anomaly should cross the threshold");
    }

    /// <summary>The asset's detector scoring the recording itself on the torch thread, without lanes.</summary>
    private async Task<List<Ml.Scoring.WindowScore>> ScoreOneBatchAtATimeAsync(int assetId, int recordingId)
    {
        var (recording, model) = await Portal.WithDbAsync(async db => (
            await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId),
            await db.Assets.AsNoTracking().Where(a => a.Id == assetId).Select(a => a.ActiveModel!).SingleAsync()));
        var series = Portal.Services.GetRequiredService<RecordingLoader>().Load(recording);
        var blobs = Portal.Services.GetRequiredService<BlobStore>();
        var device = Portal.Services.GetRequiredService<TorchStatus>().Info.ToDevice();
        return await Portal.Services.GetRequiredService<TorchExecutor>().RunAsync(TorchPriority.BatchScoring, () =>
        {
            using var detector = AssetDetector.Load(blobs, model, device);
            return detector.ScoreBatches(series, batchSize: 16).SelectMany(b => b).ToList();
        });
    }
}
