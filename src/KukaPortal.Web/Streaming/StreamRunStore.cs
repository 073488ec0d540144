using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Streams;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Streaming;

/// <summary>An asset's running streams as its owner sees them on one tick, with the asset's active model.</summary>
public sealed record ActiveStreams(Asset Asset, IReadOnlyList<StreamRun> Runs);

/// <summary>
/// Reads and advances stream runs: what an owner needs on each tick, and where a takeover resumes. Image runs are
/// left out: each image is scored by the request that brought it, so no node owns them.
/// </summary>
public sealed class StreamRunStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Assets with at least one running stream: the ones some node must own.</summary>
    public async Task<IReadOnlyList<int>> AssetsWithStreamsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StreamRuns.Where(r => r.State == StreamRunState.Running && r.Source != StreamSource.Images)
            .Select(r => r.AssetId).Distinct().ToListAsync(ct);
    }

    /// <summary>Read by every asset's pipeline at each tick (four times a second), hence compiled queries.</summary>
    public async Task<ActiveStreams> LoadActiveAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await AssetWithModel(db, assetId, ct);
        var runs = new List<StreamRun>();
        await foreach (var run in RunningStreams(db, assetId).WithCancellation(ct)) runs.Add(run);
        return new ActiveStreams(asset, runs);
    }

    private static readonly Func<PortalDbContext, int, CancellationToken, Task<Asset>> AssetWithModel = EF.CompileAsyncQuery(
        (PortalDbContext db, int assetId, CancellationToken ct) => db.Assets.AsNoTracking().Include(a => a.ActiveModel).Single(a => a.Id == assetId));

    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<StreamRun>> RunningStreams = EF.CompileAsyncQuery<PortalDbContext, int, StreamRun>(
        (db, assetId) => db.StreamRuns.AsNoTracking().Include(r => r.Recording)
            .Where(r => r.AssetId == assetId && r.State == StreamRunState.Running && r.Source != StreamSource.Images).OrderBy(r => r.CreatedAt));

    /// <summary>
    /// Marks a replay that reached its end finished, unless it was stopped meanwhile, and records its final position
    /// in the same transaction (a batch of windows saves the position itself: <see cref="StreamProgress"/>).
    /// </summary>
    public async Task FinishAsync(Guid runId, StreamProgress progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.InTransactionAsync(async ct =>
        {
            await progress.SaveAsync(db, runId, time.GetUtcNow(), ct);
            await db.StreamRuns.Where(r => r.Id == runId && r.State == StreamRunState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, StreamRunState.Finished), ct);
        }, ct);
    }

    /// <summary>
    /// Ingested chunks holding rows from <paramref name="fromRow"/> on, oldest first, about <paramref name="maxRows"/> rows.
    /// <paramref name="chunksFrom"/>, where known (null: not), is the first row of the chunk holding <paramref name="fromRow"/>: the
    /// read then skips the index entries of the chunks purged before it, which a bitmap scan would otherwise visit one
    /// by one until the table's next vacuum (see <see cref="StreamProgress.ChunksFrom"/>).
    /// </summary>
    public async Task<IReadOnlyList<SampleChunk>> ReadChunksAsync(Guid runId, long fromRow, int maxRows, long? chunksFrom, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunks = new List<SampleChunk>();
        var rows = 0L;
        var found = chunksFrom is { } from ? ChunksFromBound(db, runId, fromRow, from) : ChunksFrom(db, runId, fromRow);
        await foreach (var chunk in found.WithCancellation(ct))
        {
            chunks.Add(chunk);
            rows += chunk.Rows;
            if (rows >= maxRows) break;
        }
        return chunks;
    }

    /// <summary>Compiled once: a live pipeline reads chunks after every ingested one, and building the query each time cost more than running it.</summary>
    private static readonly Func<PortalDbContext, Guid, long, IAsyncEnumerable<SampleChunk>> ChunksFrom = EF.CompileAsyncQuery(
        (PortalDbContext db, Guid runId, long fromRow) =>
            db.SampleChunks.AsNoTracking().Where(c => c.RunId == runId && c.FirstRow + c.Rows > fromRow).OrderBy(c => c.FirstRow).Take(64));

    private static readonly Func<PortalDbContext, Guid, long, long, IAsyncEnumerable<SampleChunk>> ChunksFromBound = EF.CompileAsyncQuery(
        (PortalDbContext db, Guid runId, long fromRow, long chunksFrom) =>
            db.SampleChunks.AsNoTracking().Where(c => c.RunId == runId && c.FirstRow >= chunksFrom && c.FirstRow + c.Rows > fromRow).OrderBy(c => c.FirstRow).Take(64));
}
