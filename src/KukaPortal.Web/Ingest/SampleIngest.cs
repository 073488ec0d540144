using KukaPortal.Core.Streaming;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Ingest;

/// <summary>
/// Appends a checked chunk to the asset's live run in one transaction, under the run's row lock, so
/// that chunks sent to different nodes at once still get disjoint, ordered stream rows and each is
/// checked against the last accepted timestamp. The owning node's pipeline consumes the chunks; once
/// committed, a pipeline of the asset on this node is woken at once.
/// </summary>
public sealed class SampleIngest(IDbContextFactory<PortalDbContext> dbFactory, StreamWakeups wakeups, IOptions<StreamingOptions> options, TimeProvider time)
{
    /// <summary>The number of rows accepted.</summary>
    /// <exception cref="StreamRequestException">No model to check against (409) or a check failed (422); nothing was stored.</exception>
    public async Task<int> AppendAsync(int assetId, IncomingSamples incoming, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.InTransactionAsync(async ct =>
        {
            var run = await LockLiveRunAsync(db, assetId, ct);

            var (samples, problem) = SampleChecks.Check(incoming, run.Channels, run.LastTimestamp, options.Value.MaxRowsPerChunk);
            if (samples is null)
                throw new StreamRequestException(problem!, StatusCodes.Status422UnprocessableEntity);

            var now = time.GetUtcNow();
            db.SampleChunks.Add(new SampleChunk
            {
                RunId = run.Id, FirstRow = run.IngestedRows, Rows = samples.Rows, Values = samples.Values, Timestamps = samples.Timestamps,
                ReceivedAt = now,
            });
            run.IngestedRows += samples.Rows;
            run.LastTimestamp = samples.Timestamps[^1];
            run.State = StreamRunState.Running;
            run.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return samples.Rows;
        }, ct);
        wakeups.Wake(assetId);
        return rows;
    }

    private async Task<StreamRun> LockLiveRunAsync(PortalDbContext db, int assetId, CancellationToken ct)
    {
        // One query for the checks (a machine posts many chunks a second, each in a transaction of its own).
        var asset = await db.Assets.Where(a => a.Id == assetId).Select(a => new
            {
                HasModel = a.ActiveModelId != null,
                Channels = db.Recordings.Where(r => r.Id == a.ActiveModel!.TrainingRecordingId).Select(r => r.Channels).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct)
            ?? throw new StreamRequestException($"Asset {assetId} does not exist.", StatusCodes.Status404NotFound);
        if (!asset.HasModel)
            throw new StreamRequestException("This asset has no trained model yet, so there is nothing to score samples with: train one on normal data first.", StatusCodes.Status409Conflict);
        var channels = asset.Channels
            ?? throw new StreamRequestException("The asset's model does not name its training recording, so its channels are unknown.", StatusCodes.Status409Conflict);

        // The live run exists after the asset's first chunk: lock it; only the first chunk creates it (concurrent first
        // chunks meet at the unique index) and locks it then. Its channel order is the model's at that moment.
        return await LockExistingLiveRunAsync(db, assetId, ct) ?? await CreateAndLockLiveRunAsync(db, assetId, channels, ct);
    }

    private static Task<StreamRun?> LockExistingLiveRunAsync(PortalDbContext db, int assetId, CancellationToken ct) =>
        db.StreamRuns.FromSqlInterpolated($"SELECT * FROM stream_runs WHERE asset_id = {assetId} AND source = 'Live' FOR UPDATE").SingleOrDefaultAsync(ct);

    private async Task<StreamRun> CreateAndLockLiveRunAsync(PortalDbContext db, int assetId, string[] channels, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO stream_runs (id, asset_id, source, state, channels, next_window_index, next_row, speed, "loop", ingested_rows, created_at, updated_at)
            VALUES ({Guid.NewGuid()}, {assetId}, 'Live', 'Running', {channels}, 0, 0, 1, false, 0, {now}, {now})
            ON CONFLICT (asset_id) WHERE source = 'Live' DO NOTHING
            """, ct);
        return (await LockExistingLiveRunAsync(db, assetId, ct))!;
    }
}
