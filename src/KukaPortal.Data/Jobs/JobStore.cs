using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Jobs;

/// <summary>
/// The one job queue: rows in the jobs table (ADR 0001, 0007). A worker claims the oldest queued job of
/// its lane (or one whose lease ran out because its worker died) with SKIP LOCKED, so concurrent workers
/// never get the same job, and renews its lease while it runs. Failed attempts come back after a
/// back-off; cancellation is a flag the running worker sees at its next renewal.
/// </summary>
public sealed class JobStore(IDbContextFactory<PortalDbContext> dbFactory, JobSignal signal, TimeProvider time)
{
    /// <param name="alongside">Sets what belongs to the job (its parameters, its own rows) so they commit with it: a worker never sees the job without them.</param>
    public async Task<Job> EnqueueAsync(JobKind kind, int assetId, int recordingId, string? requestedBy, CancellationToken ct,
        Action<PortalDbContext, Job>? alongside = null)
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
        alongside?.Invoke(db, job);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return job;
    }

    /// <summary>
    /// Claims the oldest claimable job of <paramref name="kinds"/>. A job whose workers kept dying (its
    /// lease ran out <paramref name="maxAttempts"/> times) is failed instead of being tried forever.
    /// </summary>
    public async Task<Job?> ClaimNextAsync(string workerId, IReadOnlyList<JobKind> kinds, TimeSpan lease, int maxAttempts, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var kindNames = kinds.Select(k => k.ToString()).ToArray();
        var gaveUp = $"Gave up after {maxAttempts} attempts: the worker running this job stopped each time.";
        await db.Database.ExecuteSqlAsync($"""
            UPDATE jobs SET state = 'Failed', error = {gaveUp}, message = 'Failed', finished_at = {now}, lease_owner = NULL, lease_expires_at = NULL
            WHERE state = 'Running' AND lease_expires_at < {now} AND attempts >= {maxAttempts}
            """, ct);
        var claimed = await db.Jobs.FromSql($"""
            UPDATE jobs SET state = 'Running', lease_owner = {workerId}, lease_expires_at = {now + lease},
                   started_at = COALESCE(started_at, {now}), attempts = attempts + 1, not_before = NULL
            WHERE id = (
                SELECT id FROM jobs
                WHERE kind = ANY({kindNames})
                  AND ((state = 'Queued' AND (not_before IS NULL OR not_before <= {now}))
                       OR (state = 'Running' AND lease_expires_at < {now} AND attempts < {maxAttempts}))
                ORDER BY created_at
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        return claimed.SingleOrDefault();
    }

    /// <summary>The heartbeat: renews the lease while the job is still ours, and tells whether someone asked to cancel it.</summary>
    public Task<LeaseStatus> RenewLeaseAsync(Guid jobId, string workerId, TimeSpan lease, CancellationToken ct) =>
        RenewAsync(jobId, workerId, lease, progress: null, message: null, ct);

    /// <summary>Records progress and renews the lease in the same statement.</summary>
    public Task<LeaseStatus> ReportProgressAsync(Guid jobId, string workerId, double progress, string? message, TimeSpan lease, CancellationToken ct) =>
        RenewAsync(jobId, workerId, lease, progress, message, ct);

    public Task CompleteAsync(Guid jobId, int? modelId, string? message, CancellationToken ct) =>
        FinishAsync(jobId, JobState.Succeeded, modelId, message, error: null, ct);

    public Task FailAsync(Guid jobId, string error, CancellationToken ct) =>
        FinishAsync(jobId, JobState.Failed, modelId: null, message: "Failed", error, ct);

    public Task CancelledAsync(Guid jobId, string? by, CancellationToken ct) =>
        FinishAsync(jobId, JobState.Cancelled, modelId: null, message: by is null ? "Cancelled" : $"Cancelled by {by}", error: null, ct);

    /// <summary>Puts a failed attempt back in the queue, to be claimed again no earlier than <paramref name="notBefore"/>.</summary>
    public async Task RetryLaterAsync(Guid jobId, string workerId, string error, DateTimeOffset notBefore, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = $"Attempt failed; retrying at {notBefore:HH:mm:ss} UTC";
        await db.Jobs.Where(j => j.Id == jobId && j.LeaseOwner == workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Queued)
            .SetProperty(j => j.NotBefore, notBefore)
            .SetProperty(j => j.Message, message)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
    }

    /// <summary>
    /// Hands a job back when its worker shuts down cleanly: it is queued again at once, without counting
    /// the interrupted attempt, so a restarted node continues it (from its checkpoint) without waiting for a lease to expire.
    /// </summary>
    public async Task ReleaseAsync(Guid jobId, string workerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Jobs.Where(j => j.Id == jobId && j.LeaseOwner == workerId && j.State == JobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.Message, "Interrupted by a shutdown; it continues when a worker is back")
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        signal.Notify();
    }

    /// <summary>
    /// Cancels a queued job at once, or asks the worker of a running one to stop. Returns the job as it
    /// is now, or null if it does not exist; a job already finished is returned unchanged.
    /// </summary>
    public async Task<Job?> RequestCancelAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Cancelled)
            .SetProperty(j => j.CancelRequested, true)
            .SetProperty(j => j.Message, "Cancelled before it started")
            .SetProperty(j => j.FinishedAt, now), ct);
        await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.CancelRequested, true)
            .SetProperty(j => j.Message, "Cancelling…"), ct);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
    }

    public async Task<Job?> FindAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
    }

    private async Task<LeaseStatus> RenewAsync(Guid jobId, string workerId, TimeSpan lease, double? progress, string? message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expires = time.GetUtcNow() + lease;
        var cancelRequested = await db.Database.SqlQuery<bool>($"""
            UPDATE jobs SET lease_expires_at = {expires},
                   progress = COALESCE({progress}::double precision, progress), message = COALESCE({message}::text, message)
            WHERE id = {jobId} AND state = 'Running' AND lease_owner = {workerId}
            RETURNING cancel_requested AS "Value"
            """).ToListAsync(ct);
        return cancelRequested switch
        {
            [] => LeaseStatus.Lost,
            [true] => LeaseStatus.CancelRequested,
            _ => LeaseStatus.Held,
        };
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
