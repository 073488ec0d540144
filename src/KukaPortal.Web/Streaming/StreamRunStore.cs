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

    public async Task<ActiveStreams> LoadActiveAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().Include(a => a.ActiveModel).SingleAsync(a => a.Id == assetId, ct);
        var runs = await db.StreamRuns.AsNoTracking().Include(r => r.Recording)
            .Where(r => r.AssetId == assetId && r.State == StreamRunState.Running && r.Source != StreamSource.Images).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return new ActiveStreams(asset, runs);
    }

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

    /// <summary>Ingested chunks holding rows from <paramref name="fromRow"/> on, oldest first, about <paramref name="maxRows"/> rows.</summary>
    public async Task<IReadOnlyList<SampleChunk>> ReadChunksAsync(Guid runId, long fromRow, int maxRows, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunks = new List<SampleChunk>();
        var rows = 0L;
        var query = db.SampleChunks.AsNoTracking().Where(c => c.RunId == runId && c.FirstRow + c.Rows > fromRow).OrderBy(c => c.FirstRow);
        await foreach (var chunk in query.Take(64).AsAsyncEnumerable().WithCancellation(ct))
        {
            chunks.Add(chunk);
            rows += chunk.Rows;
            if (rows >= maxRows) break;
        }
        return chunks;
    }
}
