using KukaPortal.Data.Scores;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KukaPortal.IntegrationTests.Scores;

/// <summary>An inspection station's images are stored with their windows' scores, once, in the same transaction.</summary>
public class InspectionImageStorageTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Each_scored_image_is_stored_once_with_its_window_even_when_the_batch_is_retried()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = Guid.NewGuid();
        var received = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
        InspectedImage Image(int i) => new(i, $"part-{i}.png", null, received.AddSeconds(i), BlobKey: $"inspection/{assetId}/{i}.png");

        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 2), [], [Image(0), Image(1)]), CancellationToken.None);
        // A retry cut differently after a crash: windows 0–1 are stored already, 2 is new.
        await writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 3), [], [Image(0), Image(1), Image(2)]), CancellationToken.None);

        var images = await Portal.WithDbAsync(db => db.InspectionImages.Where(i => i.RunId == runId).OrderBy(i => i.WindowIndex).ToListAsync());
        images.Select(i => i.WindowIndex).ShouldBe([0, 1, 2]);
        images.Select(i => i.Name).ShouldBe(["part-0.png", "part-1.png", "part-2.png"]);
        images.ShouldAllBe(i => i.AssetId == assetId && i.RecordingId == null);
        images[2].ReceivedAt.ShouldBe(received.AddSeconds(2));
    }

    [Fact]
    public async Task An_image_naming_no_source_fails_the_whole_batch_and_stores_no_score()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var writer = Portal.Services.GetRequiredService<ScoreBatchWriter>();
        var runId = Guid.NewGuid();
        var sourceless = new InspectedImage(0, "lost.png", null, DateTimeOffset.UtcNow);

        await Should.ThrowAsync<PostgresException>(() =>
            writer.StoreAsync(new ScoreBatch(assetId, runId, modelId, Windows(0, 1), [], [sourceless]), CancellationToken.None));

        (await Portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == runId))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.InspectionImages.CountAsync(i => i.RunId == runId))).ShouldBe(0);
    }

    private static readonly DateTimeOffset RunStart = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);

    private static List<ScoredWindow> Windows(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new ScoredWindow(i, i, i + 1, i, i + 1, 0.01 * i, 0.1 * i, false, RunStart.AddSeconds(i + 1))).ToList();

    private async Task<(int AssetId, int ModelId)> CreateAssetWithModelAsync()
    {
        var assetId = await CreateAssetAsync("Inspection station");
        return (assetId, await CreateModelRowAsync(assetId, window: 1));
    }
}
