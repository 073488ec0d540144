using KukaPortal.Data;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Streaming;

/// <summary>A request that cannot be carried out, with the sentence to show and the status to answer.</summary>
public sealed class StreamRequestException(string message, int statusCode) : Exception(message)
{
    public int StatusCode => statusCode;
}

/// <summary>Starts and stops replays. A new replay stops the asset's running one; the owning node picks it up on its next tick.</summary>
public sealed class ReplayControl(IDbContextFactory<PortalDbContext> dbFactory, IOptions<StreamingOptions> options, TimeProvider time)
{
    public async Task<StreamRun> StartAsync(int assetId, int recordingId, double speed, bool loop, string? user, CancellationToken ct)
    {
        var maxSpeed = options.Value.MaxReplaySpeed;
        if (!double.IsFinite(speed) || speed <= 0 || speed > maxSpeed)
            throw new StreamRequestException($"speed must be above 0 and at most {maxSpeed}, not {speed}.", 400);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct)
            ?? throw new StreamRequestException($"Asset {assetId} does not exist.", 404);
        var recording = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordingId && r.AssetId == assetId, ct)
            ?? throw new StreamRequestException($"Recording {recordingId} does not belong to asset {assetId}.", 404);
        if (asset.ActiveModelId is null)
            throw new StreamRequestException("This asset has no trained model yet: train one on normal data first.", 409);

        return await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow();
            await StopRunningAsync(db, assetId, now, ct);
            var run = new StreamRun
            {
                Id = Guid.NewGuid(), AssetId = assetId, Source = StreamSource.Replay, State = StreamRunState.Running,
                Channels = recording.Channels, RecordingId = recording.Id, Speed = speed, Loop = loop,
                CreatedAt = now, UpdatedAt = now, StartedBy = user,
            };
            db.StreamRuns.Add(run);
            await db.SaveChangesAsync(ct);
            return run;
        }, ct);
    }

    /// <summary>Stops the asset's running replay; false when none was running.</summary>
    public async Task<bool> StopAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StopRunningAsync(db, assetId, time.GetUtcNow(), ct) > 0;
    }

    private static Task<int> StopRunningAsync(PortalDbContext db, int assetId, DateTimeOffset now, CancellationToken ct) =>
        db.StreamRuns.Where(r => r.AssetId == assetId && r.Source == StreamSource.Replay && r.State == StreamRunState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, StreamRunState.Stopped).SetProperty(r => r.UpdatedAt, now), ct);
}
