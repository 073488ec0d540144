using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Jobs;

/// <summary>
/// The one job queue: rows in the jobs table. A worker claims the oldest queued job (or one whose
/// lease ran out because its worker died) with SKIP LOCKED, so concurrent workers never get the same
/// job, and keeps its lease alive while it reports progress.
/// </summary>
public sealed class JobStore(IDbContextFactory<PortalDbContext> dbFactory, JobSignal signal, TimeProvider time)
{
    public async Task<Job> EnqueueAsync(JobKind kind, int assetId, int recordingId, string? requestedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            State = JobState.Queued,
            AssetId = assetId,
            RecordingId = recordingId,
            RequestedBy = requestedBy,
            CreatedAt = time.GetUtcNow(),
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return job;
    }

    /// <summary>
    /// Claims the oldest claimable job. A job whose workers kept dying (its lease ran out
    /// <paramref name="maxAttempts"/> times) is failed instead of being tried forever.
    /// </summary>
    public async Task<Job?> ClaimNextAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var gaveUp = $"Gave up after {maxAttempts} attempts: the worker running this job stopped each time.";
        await db.Database.ExecuteSqlAsync($"""
            UPDATE jobs SET state = 'Failed', error = {gaveUp}, finished_at = {now}, lease_owner = NULL, lease_expires_at = NULL
            WHERE state = 'Running' AND lease_expires_at < {now} AND attempts >= {maxAttempts}
            """, ct);
        var claimed = await db.Jobs.FromSql($"""
            UPDATE jobs SET state = 'Running', lease_owner = {workerId}, lease_expires_at = {now + lease},
                   started_at = COALESCE(started_at, {now}), attempts = attempts + 1
            WHERE id = (
                SELECT id FROM jobs
                WHERE state = 'Queued' OR (state = 'Running' AND lease_expires_at < {now} AND attempts < {maxAttempts})
                ORDER BY created_at
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        return claimed.SingleOrDefault();
    }

    /// <summary>Records progress and renews the lease (the heartbeat); false when the job was cancelled meanwhile.</summary>
    public async Task<bool> ReportProgressAsync(Guid jobId, string workerId, double progress, string? message, TimeSpan lease, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expires = time.GetUtcNow() + lease;
        var updated = await db.Jobs
            .Where(j => j.Id == jobId && j.State == JobState.Running && j.LeaseOwner == workerId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Progress, progress)
                .SetProperty(j => j.Message, message)
                .SetProperty(j => j.LeaseExpiresAt, expires), ct);
        return updated == 1;
    }

    public Task CompleteAsync(Guid jobId, int? modelId, string? message, CancellationToken ct) =>
        FinishAsync(jobId, JobState.Succeeded, modelId, message, error: null, ct);

    public Task FailAsync(Guid jobId, string error, CancellationToken ct) =>
        FinishAsync(jobId, JobState.Failed, modelId: null, message: "Failed", error, ct);

    public async Task<Job?> FindAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
    }

    private async Task FinishAsync(Guid jobId, JobState state, int? modelId, string? message, string? error, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.ModelId, j => modelId ?? j.ModelId)
            .SetProperty(j => j.Progress, j => state == JobState.Succeeded ? 1.0 : j.Progress)
            .SetProperty(j => j.Message, message)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
    }
}
