using System.Net;
using System.Net.Http.Json;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.IntegrationTests.Streaming;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Models;

/// <summary>A promotion reaches a running live stream: its windows are scored by the new active model from then on.</summary>
public class PromotionSwitchesStreamsTests(PortalFactory portal) : StreamingTest(portal)
{
    [Fact]
    public async Task A_running_replay_scores_with_the_promoted_model_after_a_promotion()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var first = await TrainAsync(session, assetId);
        var second = await TrainAsync(session, assetId);
        var recordingId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 1600), "scoring", "normal-scoring.csv");

        var started = await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/replay", new { recordingId, speed = 20, loop = true }, Ct);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runId = (await started.Content.ReadFromJsonAsync<ReplayView>(Ct))!.RunId;
        try
        {
            (await WaitForWindowsAsync(runId, 5, TimeSpan.FromMinutes(1))).ShouldAllBe(w => w.ModelId == first);

            (await session.Client.PostAsync($"/api/assets/{assetId}/models/{second}/promote", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            await Eventually.WaitUntilAsync(
                async () => await Portal.WithDbAsync(db => db.WindowScores.AnyAsync(w => w.RunId == runId && w.ModelId == second)),
                TimeSpan.FromMinutes(1), "windows scored by the promoted model");
        }
        finally
        {
            await session.Client.DeleteAsync($"/api/assets/{assetId}/replay", Ct);
        }
        // After the switch no window goes back to the replaced model.
        var windows = await WindowsOfAsync(runId);
        var switchedAt = windows.Where(w => w.ModelId == second).Min(w => w.Sequence);
        windows.Where(w => w.Sequence > switchedAt).ShouldAllBe(w => w.ModelId == second);
    }

    private sealed record ReplayView(Guid RunId);
}
