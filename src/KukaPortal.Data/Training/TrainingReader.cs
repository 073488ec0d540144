using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Training;

/// <summary>A trained model as the training page lists it, with its stored summary and evaluation.</summary>
public sealed record TrainedModel(int Id, int Version, string Family, int Window, double Threshold, DateTimeOffset CreatedAt,
    TrainingSummary? Summary, ModelEvaluation? Evaluation);

/// <summary>What the training page reads: an asset's training jobs, their loss points and the models they made.</summary>
public sealed class TrainingReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Job>> RecentJobsAsync(int assetId, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking().Where(j => j.AssetId == assetId && (j.Kind == JobKind.Train || j.Kind == JobKind.TrainImages))
            .OrderByDescending(j => j.CreatedAt).Take(count).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<JobLoss>> LossesAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JobLosses.AsNoTracking().Where(l => l.JobId == jobId).OrderBy(l => l.Iteration).ToListAsync(ct);
    }

    /// <summary>The asset's models, newest first (a bounded page: an asset has tens of models, not thousands).</summary>
    public async Task<IReadOnlyList<TrainedModel>> ModelsAsync(int assetId, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Models.AsNoTracking().Where(m => m.AssetId == assetId).OrderByDescending(m => m.Version).Take(count)
            .Select(m => new { m.Id, m.Version, m.Family, m.Window, m.Threshold, m.CreatedAt, m.TrainingSummary, m.Evaluation })
            .ToListAsync(ct);
        return rows.Select(m => new TrainedModel(m.Id, m.Version, m.Family, m.Window, m.Threshold, m.CreatedAt,
            TrainingJson.Read<TrainingSummary>(m.TrainingSummary), TrainingJson.Read<ModelEvaluation>(m.Evaluation))).ToArray();
    }
}
