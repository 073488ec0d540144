using KukaPortal.Data.Training;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Models;

public sealed record ModelRow(
    int Id, int Version, string Family, int Window, double Threshold, DateTimeOffset CreatedAt, ModelStatus Status,
    DateTimeOffset? PromotedAt, string? PromotedBy, DateTimeOffset? RetiredAt, string? TrainingRecording,
    ModelEvaluation? Evaluation = null);

public sealed record AssetModels(
    int AssetId, string AssetName, int AlarmOnDelayK, int AlarmOnDelayN, IReadOnlyList<ModelRow> Models, ModelRow? RollBackTarget)
{
    public ModelRow? Active => Models.FirstOrDefault(m => m.Status == ModelStatus.Active);
}

public sealed record WhatIfView(
    Guid JobId, int CandidateModelId, int BaselineModelId, JobState State, double Progress, string? Message, string? Error,
    DateTimeOffset CreatedAt, WhatIfResult? Result);

/// <summary>The models page's and the models API's view of an asset's models and what-if replays.</summary>
public sealed class ModelsReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>An asset keeps at most this many models on its page, newest first.</summary>
    public const int MaxModels = 200;

    public async Task<AssetModels?> ReadAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct);
        if (asset is null) return null;
        var models = await db.Models.AsNoTracking().Where(m => m.AssetId == assetId)
            .OrderByDescending(m => m.Version).Take(MaxModels).ToListAsync(ct);
        var recordingIds = models.Select(m => m.TrainingRecordingId).Distinct().ToArray();
        var recordings = await db.Recordings.AsNoTracking().Where(r => recordingIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.FileName, ct);

        ModelRow Row(DetectorModel m) => new(m.Id, m.Version, m.Family, m.Window, m.Threshold, m.CreatedAt,
            ModelStatuses.Of(m, asset.ActiveModelId), m.PromotedAt, m.PromotedBy, m.RetiredAt, recordings.GetValueOrDefault(m.TrainingRecordingId),
            TrainingJson.Read<ModelEvaluation>(m.Evaluation));
        var previous = ModelPromotion.PreviousActive(models, asset.ActiveModelId);
        return new AssetModels(asset.Id, asset.Name, asset.AlarmOnDelayK, asset.AlarmOnDelayN, models.Select(Row).ToList(),
            previous is null ? null : Row(previous));
    }

    /// <summary>The latest what-if replay of <paramref name="candidateModelId"/>, finished or not.</summary>
    public async Task<WhatIfView?> LatestWhatIfAsync(int assetId, int candidateModelId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await (
            from r in db.WhatIfReplays.AsNoTracking()
            join j in db.Jobs.AsNoTracking() on r.JobId equals j.Id
            where r.AssetId == assetId && r.CandidateModelId == candidateModelId
            orderby r.CreatedAt descending
            select new { r, j }).FirstOrDefaultAsync(ct);
        return latest is null ? null : View(latest.r, latest.j);
    }

    public async Task<WhatIfView?> WhatIfAsync(int assetId, Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (
            from r in db.WhatIfReplays.AsNoTracking()
            join j in db.Jobs.AsNoTracking() on r.JobId equals j.Id
            where r.AssetId == assetId && r.JobId == jobId
            select new { r, j }).SingleOrDefaultAsync(ct);
        return found is null ? null : View(found.r, found.j);
    }

    private static WhatIfView View(WhatIfReplay replay, Job job) =>
        new(job.Id, replay.CandidateModelId, replay.BaselineModelId, job.State, job.Progress, job.Message, job.Error, replay.CreatedAt,
            WhatIfResult.FromJson(replay.Result));
}
