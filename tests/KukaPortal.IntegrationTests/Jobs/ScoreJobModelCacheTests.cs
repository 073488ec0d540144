using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Jobs;

public class ScoreJobModelCacheTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_second_score_job_with_the_same_model_reads_no_model_file_and_stores_the_same_scores()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await TrainOnNormalDataAsync(session, assetId);
        var recordingId = await UploadAsync(session, assetId, RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80), "scoring", "shift.csv");
        var cache = Portal.Services.GetRequiredService<DetectorCache>();

        var first = await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(2));
        var loadsAfterFirst = cache.Loads;
        var second = await RunJobAsync(session, assetId, "score", recordingId, TimeSpan.FromMinutes(2));

        first.State.ShouldBe("Succeeded", first.Error);
        second.State.ShouldBe("Succeeded", second.Error);
        cache.Loads.ShouldBe(loadsAfterFirst);
        var scores = await Portal.WithDbAsync(db => db.WindowScores.Where(w => w.RunId == first.Id || w.RunId == second.Id)
            .OrderBy(w => w.WindowIndex).Select(w => new { w.RunId, w.WindowIndex, w.Score }).ToListAsync());
        var byRun = scores.GroupBy(s => s.RunId).ToDictionary(g => g.Key, g => g.Select(s => s.Score).ToList());
        byRun[first.Id].Count.ShouldBe(100);
        byRun[second.Id].ShouldBe(byRun[first.Id]);
    }
}
