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
        var runId = await StoppedRunAsync(run =>
            [StoredChunk(run, firstRow: 0, [1, 2, 3, 4], [10, 11]), StoredChunk(run, firstRow: 2, [5, 6, 7, 8], [12, 13])]);
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

    [Fact]
    public async Task The_purge_starts_at_the_chunk_that_holds_the_saved_position()
    {
        var runId = await StoppedRunAsync(run => [StoredChunk(run, firstRow: 2, [1, 2, 3, 4], [10, 11])]);
        var recent = new RecentChunks();
        using var source = new LiveSource(Portal.Services.GetRequiredService<StreamRunStore>(), recent, runId, Channels);
        source.ChunksFrom(2).ShouldBe(2); // nothing read yet: the saved position itself

        // Rows 2..5 read from the stored chunk [2, 4) and a handed-over one [4, 6).
        (await source.ReadAsync(2, 100, Ct)).Count.ShouldBe(2);
        recent.Add(StoredChunk(runId, firstRow: 4, [5, 6, 7, 8], [12, 13]));
        (await source.ReadAsync(4, 100, Ct)).Count.ShouldBe(2);

        source.ChunksFrom(3).ShouldBe(2); // [2, 4) holds row 3
        source.ChunksFrom(4).ShouldBe(4); // [2, 4) ended there and was purged with that position
        source.ChunksFrom(5).ShouldBe(4);
        source.ChunksFrom(6).ShouldBe(6); // every chunk read ends at or before it
    }

    [Fact]
    public async Task Chunks_read_back_from_the_database_start_at_the_chunk_holding_the_next_row_once_it_is_known()
    {
        var runId = await StoppedRunAsync(run =>
            [StoredChunk(run, firstRow: 0, [1, 2, 3, 4], [10, 11]), StoredChunk(run, firstRow: 2, [5, 6, 7, 8], [12, 13]), StoredChunk(run, firstRow: 4, [9, 9, 9, 9], [14, 15])]);
        using var source = new LiveSource(Portal.Services.GetRequiredService<StreamRunStore>(), new RecentChunks(), runId, Channels);
        using var sql = new SqlRecorder();

        StreamRows? read = null;
        Func<Task> Read(long fromRow, int maxRows) => async () => read = await source.ReadAsync(fromRow, maxRows, Ct);

        // Nothing read yet: the chunk holding row 1 could start anywhere before it.
        (await sql.RecordAsync(Read(1, maxRows: 1))).ShouldNotContain(q => q.Contains("first_row >= "));
        read!.Timestamps.ShouldBe([11]);
        // Row 1 again: the chunk read holds it.
        (await sql.RecordAsync(Read(1, maxRows: 1))).ShouldContain(q => q.Contains("first_row >= "));
        read!.Timestamps.ShouldBe([11]);
        // Row 2: the next chunk starts where that one ended.
        (await sql.RecordAsync(Read(2, maxRows: 100))).ShouldContain(q => q.Contains("first_row >= "));
        read!.Timestamps.ShouldBe([12, 13, 14, 15]);
    }

    /// <summary>A stopped live run with the given stored chunks: no pipeline of the portal follows it, so only the test's source reads it.</summary>
    private async Task<Guid> StoppedRunAsync(Func<Guid, SampleChunk[]> chunks)
    {
        var assetId = await CreateAssetAsync();
        return await Portal.WithDbAsync(async db =>
        {
            var run = new StreamRun
            {
                Id = Guid.NewGuid(), AssetId = assetId, Source = StreamSource.Live, State = StreamRunState.Stopped, Channels = Channels,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.StreamRuns.Add(run);
            db.SampleChunks.AddRange(chunks(run.Id));
            await db.SaveChangesAsync();
            return run.Id;
        });
    }

    private static SampleChunk StoredChunk(Guid runId, long firstRow, float[] values, double[] timestamps) => new()
    {
        RunId = runId, FirstRow = firstRow, Rows = timestamps.Length, Values = values, Timestamps = timestamps, ReceivedAt = DateTimeOffset.UtcNow,
    };
}
