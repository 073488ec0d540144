using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Models;
using KukaPortal.Web.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Models;

/// <summary>Queues a what-if replay of a candidate against the asset's active model, after checking it can work.</summary>
public sealed class WhatIfScheduler(
    IDbContextFactory<PortalDbContext> dbFactory, JobStore jobs, MonitoringNotifier notifier, IOptions<WhatIfOptions> options, TimeProvider time)
{
    public async Task<Job> QueueAsync(int assetId, int candidateModelId, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct)
            ?? throw new ModelChangeException(ModelChangeProblem.AssetNotFound, $"There is no asset {assetId}.");
        if (!await db.Models.AnyAsync(m => m.Id == candidateModelId && m.AssetId == assetId, ct))
            throw new ModelChangeException(ModelChangeProblem.ModelNotFound, $"Asset '{asset.Name}' has no model {candidateModelId}.");
        if (asset.Kind == AssetKind.InspectionStation)
            throw new InvalidOperationException($"What-if replay compares time-series models on stored recordings; it does not replay '{asset.Name}''s image models. Score a test image set with the candidate after promoting it instead.");
        if (asset.ActiveModelId is not { } activeId)
            throw new InvalidOperationException($"{asset.Name} has no active model to compare with.");
        if (activeId == candidateModelId)
            throw new InvalidOperationException("This is the active model; pick a candidate to compare with it.");
        // The job's recording is the newest one the replay covers; the replay itself spans several.
        var newest = await db.Recordings.AsNoTracking()
            .Where(r => r.AssetId == assetId && r.Purpose == RecordingPurpose.Scoring)
            .OrderByDescending(r => r.UploadedAt).ThenByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"{asset.Name} has no stored scoring recordings to replay: upload one for scoring first.");

        var job = await jobs.EnqueueAsync(JobKind.WhatIf, assetId, newest, user, ct, (jobDb, queued) => jobDb.WhatIfReplays.Add(new WhatIfReplay
        {
            JobId = queued.Id, AssetId = assetId, CandidateModelId = candidateModelId, BaselineModelId = activeId,
            WindowCap = options.Value.MaxWindows, CreatedAt = time.GetUtcNow(),
        }));
        await notifier.JobProgressAsync(job);
        return job;
    }
}
