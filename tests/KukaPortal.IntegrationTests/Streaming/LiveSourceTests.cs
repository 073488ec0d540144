using KukaPortal.Data.Entities;
using KukaPortal.Web.Streaming;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>
/// A live stream's rows come from the chunks ingest on this node handed over when they hold the next row, and from the
/// chunk table otherwise (another node's chunks, or ones committed before the pipeline followed the run).
/// </summary>
public class LiveSourceTests(PortalFactory portal) : StreamingTest(portal)
{
    private static readonly string[] Channels = ["a1", "a2"];

    [Fact]
    public async Task Rows_come_from_handed_over_chunks_when_they_hold_the_next_row_and_from_the_database_otherwise()
    {
        var assetId = await CreateAssetAsync();
        // A stopped run: no pipeline of the portal follows it, so only this test's source reads it.
        var runId = await Portal.WithDbAsync(async db =>
        {
            var run = new StreamRun
            {
                Id = Guid.NewGuid(), AssetId = assetId, Source = StreamSource.Live, State = StreamRunState.Stopped, Channels = Channels,
                IngestedRows = 4, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.StreamRuns.Add(run);
            db.SampleChunks.Add(StoredChunk(run.Id, firstRow: 0, [1, 2, 3, 4], [10, 11]));
            db.SampleChunks.Add(StoredChunk(run.Id, firstRow: 2, [5, 6, 7, 8], [12, 13]));
            await db.SaveChangesAsync();
            return run.Id;
        });
        var recent = new RecentChunks();
        using var source = new LiveSource(Portal.Services.GetRequiredService<StreamRunStore>(), recent, runId, Channels);

        // Nothing handed over: the stored chunks.
        var stored = await source.ReadAsync(1, 100, Ct);
        stored.Values.ShouldBe([3f, 4f, 5f, 6f, 7f, 8f]);
        stored.Timestamps.ShouldBe([11, 12, 13]);

        // A chunk handed over (values the database does not have) holding the next row: read from memory.
        recent.Add(StoredChunk(runId, firstRow: 4, [-1, -2, -3, -4], [14, 15]));
        var handedOver = await source.ReadAsync(4, 100, Ct);
        handedOver.Values.ShouldBe([-1f, -2f, -3f, -4f]);
        handedOver.Timestamps.ShouldBe([14, 15]);

        // The handed-over chunk does not hold row 0: the database serves it.
        (await source.ReadAsync(0, 100, Ct)).Timestamps.ShouldBe([10, 11, 12, 13]);

        source.Dispose();
        recent.Add(StoredChunk(runId, firstRow: 6, [9, 9, 9, 9], [16, 17]));
        recent.From(runId, 6, 100).ShouldBeEmpty(); // not followed any more: nothing is kept
    }

    private static SampleChunk StoredChunk(Guid runId, long firstRow, float[] values, double[] timestamps) => new()
    {
        RunId = runId, FirstRow = firstRow, Rows = timestamps.Length, Values = values, Timestamps = timestamps, ReceivedAt = DateTimeOffset.UtcNow,
    };
}
