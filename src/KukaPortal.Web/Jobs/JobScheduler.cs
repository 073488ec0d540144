using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Training;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Jobs;

/// <summary>Checks that a job makes sense before queueing it, so the user hears "no" at once instead of from a failed job.</summary>
public sealed class JobScheduler(IDbContextFactory<PortalDbContext> dbFactory, JobStore jobs, MonitoringNotifier notifier, TrainingPlanner planner)
{
    /// <summary>Trains on one normal recording with the configured defaults; a refusal is an <see cref="InvalidOperationException"/>.</summary>
    public async Task<Job> TrainAsync(int assetId, int recordingId, string? user, CancellationToken ct)
    {
        try
        {
            return (await TrainAsync(assetId, new TrainingRequest { RecordingId = recordingId }, user, ct)).Job;
        }
        catch (TrainingRequestException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>
    /// Checks the request (<see cref="TrainingRequestException"/> when it cannot train) and queues a job that
    /// stores its parameters, so a retry trains exactly the same thing.
    /// </summary>
    public async Task<(Job Job, TrainingPlan Plan)> TrainAsync(int assetId, TrainingRequest request, string? user, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(assetId, request, ct);
        var job = await jobs.EnqueueAsync(JobKind.Train, assetId, plan.Parameters.NormalRecordingIds[0], user, ct,
            (_, queued) => queued.Parameters = TrainingJson.Write(plan.Parameters));
        await notifier.JobProgressAsync(job);
        return (job, plan);
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
