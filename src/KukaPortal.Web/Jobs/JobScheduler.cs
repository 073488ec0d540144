using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Web.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Jobs;

/// <summary>Checks that a job makes sense before queueing it, so the user hears "no" at once instead of from a failed job.</summary>
public sealed class JobScheduler(IDbContextFactory<PortalDbContext> dbFactory, JobStore jobs, MonitoringNotifier notifier)
{
    public async Task<Job> TrainAsync(int assetId, int recordingId, string? user, CancellationToken ct)
    {
        var recording = await FindRecordingAsync(assetId, recordingId, ct);
        if (recording.Purpose != RecordingPurpose.Normal)
            throw new InvalidOperationException($"'{recording.FileName}' was uploaded for scoring; train on a recording of normal operation.");
        return await EnqueueAsync(JobKind.Train, assetId, recordingId, user, ct);
    }

    public async Task<Job> ScoreAsync(int assetId, int recordingId, string? user, CancellationToken ct)
    {
        await FindRecordingAsync(assetId, recordingId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Assets.AnyAsync(a => a.Id == assetId && a.ActiveModelId != null, ct))
            throw new InvalidOperationException("This asset has no trained model yet: train one on normal data first.");
        return await EnqueueAsync(JobKind.Score, assetId, recordingId, user, ct);
    }

    private async Task<Job> EnqueueAsync(JobKind kind, int assetId, int recordingId, string? user, CancellationToken ct)
    {
        var job = await jobs.EnqueueAsync(kind, assetId, recordingId, user, ct);
        await notifier.JobProgressAsync(job);
        return job;
    }

    private async Task<Recording> FindRecordingAsync(int assetId, int recordingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordingId && r.AssetId == assetId, ct)
            ?? throw new InvalidOperationException($"Recording {recordingId} does not belong to asset {assetId}.");
    }
}
