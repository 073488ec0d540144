using System.Net;
using System.Text;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>Ingest wakes the owning pipeline on its node, so a chunk does not wait for the pipeline's tick.</summary>
public class IngestWakeupTests(PortalWithHourTick portal) : StreamingTest(portal), IClassFixture<PortalWithHourTick>
{
    [Fact]
    public async Task A_chunk_that_arrives_while_the_pipeline_waits_for_its_hourly_tick_is_scored_at_once()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        // Any model scores; a short training keeps the test short.
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        var training = await RunTrainingAsync(session, assetId, new { recordingId = normalId, iterations = 100 }, TimeSpan.FromMinutes(3));
        training.State.ShouldBe("Succeeded", training.Error);
        var key = await CreateKeyAsync(session, assetId);
        var lines = RobotCsv.Normal(rows: 64).TrimEnd('\n').Split('\n');

        // The first chunk creates the live run; the pipeline that takes it over reads it at once, then waits for its tick.
        await SendAsync(assetId, key, lines[0], lines[1..33]);
        var runId = await Portal.WithDbAsync(db => db.StreamRuns.Where(r => r.AssetId == assetId && r.Source == StreamSource.Live).Select(r => r.Id).SingleAsync());
        (await WaitForWindowsAsync(runId, 2, TimeSpan.FromMinutes(1))).Count.ShouldBe(2);

        // An hour before the next tick, only the wake-up can get this chunk scored.
        await SendAsync(assetId, key, lines[0], lines[33..65]);
        var windows = await WaitForWindowsAsync(runId, 4, TimeSpan.FromMinutes(1));

        windows.Select(w => w.WindowIndex).ShouldBe([0, 1, 2, 3]);
    }

    private async Task SendAsync(int assetId, string key, string header, string[] rows)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/samples")
        {
            Content = new StringContent(header + "\n" + string.Join('\n', rows), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("X-Api-Key", key);
        var response = await Portal.CreateClient().SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
    }
}
