using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Settings;

/// <summary>How many of the stored windows in one period are above the current and the proposed threshold.</summary>
public sealed record ThresholdCrossings(string Period, int Windows, int AboveCurrent, int AboveProposed);

public sealed record ThresholdPreview(int ModelId, int ModelVersion, double Current, double Proposed, IReadOnlyList<ThresholdCrossings> Periods);

/// <summary>
/// What a new threshold would have done to the asset's recent windows. window_scores keeps each window's
/// raw score (and calibrated = raw / the threshold in force then), so "would cross" is raw ≥ threshold.
/// Only windows the active model scored count: another model's raw scores are on another scale.
/// </summary>
public sealed class ThresholdPreviewReader(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task<ThresholdPreview?> ReadAsync(int assetId, double proposed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.Assets.AsNoTracking().Where(a => a.Id == assetId).Select(a => a.ActiveModel).SingleOrDefaultAsync(ct);
        if (model is null) return null;

        var current = model.EffectiveThreshold;
        var now = time.GetUtcNow();
        var (day, week) = (now.AddHours(-24), now.AddDays(-7));
        // One pass over the last seven days' partitions; the conditional counts become COUNT(...) FILTER-like aggregates.
        var counts = await db.WindowScores.AsNoTracking()
            .Where(w => w.AssetId == assetId && w.ModelId == model.Id && w.At >= week)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Week = g.Count(),
                WeekCurrent = g.Count(w => w.Score >= current),
                WeekProposed = g.Count(w => w.Score >= proposed),
                Day = g.Count(w => w.At >= day),
                DayCurrent = g.Count(w => w.At >= day && w.Score >= current),
                DayProposed = g.Count(w => w.At >= day && w.Score >= proposed),
            })
            .SingleOrDefaultAsync(ct);
        return new ThresholdPreview(model.Id, model.Version, current, proposed,
        [
            new("last 24 h", counts?.Day ?? 0, counts?.DayCurrent ?? 0, counts?.DayProposed ?? 0),
            new("last 7 days", counts?.Week ?? 0, counts?.WeekCurrent ?? 0, counts?.WeekProposed ?? 0),
        ]);
    }
}
