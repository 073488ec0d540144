using KukaPortal.Data;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Inspection;

/// <summary>Where one live image goes: the station's image run, its position in it, and when the run began (its time origin).</summary>
public sealed record LiveImageSlot(Guid RunId, DateTimeOffset RunStartedAt, int WindowIndex);

/// <summary>
/// An inspection station's live images form one run (a <see cref="StreamRun"/> of source <see cref="StreamSource.Images"/>),
/// kept across model changes: each window row names the model that scored it. Positions are handed out under the
/// asset's row lock, so posts arriving at once, on one node or several, get distinct, increasing positions; the same
/// lock makes creating the run on the first image safe without a unique index.
/// </summary>
public sealed class LiveImageRuns(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <param name="receivedAt">When the image arrived; the run's start when it is the station's first.</param>
    public async Task<LiveImageSlot> TakeNextAsync(int assetId, DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            _ = await AssetRowLock.FindAsync(db, assetId, ct) ?? throw new LiveImageRejectedException(404, "Unknown asset", $"Asset {assetId} does not exist.");
            var now = time.GetUtcNow();
            var run = await db.StreamRuns.SingleOrDefaultAsync(r => r.AssetId == assetId && r.Source == StreamSource.Images, ct);
            if (run is null)
            {
                // Channels name a sample's columns; an image run has none (the model's planes are in its artifact).
                run = new StreamRun
                {
                    Id = Guid.NewGuid(), AssetId = assetId, Source = StreamSource.Images, State = StreamRunState.Running, Channels = [],
                    CreatedAt = receivedAt,
                };
                db.StreamRuns.Add(run);
            }
            var index = run.NextWindowIndex++;
            run.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return new LiveImageSlot(run.Id, run.CreatedAt, index);
        }, ct);
    }

    /// <summary>The position the station's next live image will get: 0 before its first.</summary>
    public async Task<int> NextIndexAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StreamRuns.Where(r => r.AssetId == assetId && r.Source == StreamSource.Images).Select(r => (int?)r.NextWindowIndex)
            .SingleOrDefaultAsync(ct) ?? 0;
    }
}
