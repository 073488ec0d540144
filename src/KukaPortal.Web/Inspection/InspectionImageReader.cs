using System.Linq.Expressions;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Inspection;

/// <summary>
/// The inspection view's query: an inspection station's scored images joined to their <c>window_scores</c> rows on
/// (run, window index), filtered, ordered and paged in the database. The range bounds <c>at</c>, so PostgreSQL
/// reads only the day partitions of window_scores in range; the join then uses each partition's primary key.
/// </summary>
public sealed class InspectionImageReader(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task<InspectionImagePage> ReadAsync(InspectionImageQuery query, CancellationToken ct)
    {
        Check(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Scored(db, query.AssetId);
        if (Since(query.Range) is { } since) rows = rows.Where(r => r.Window.At >= since);
        rows = query.Verdict switch
        {
            InspectionVerdict.Defect => rows.Where(r => r.Window.AboveThreshold),
            InspectionVerdict.Ok => rows.Where(r => !r.Window.AboveThreshold),
            _ => rows,
        };
        if (query.Label is { } label) rows = rows.Where(r => r.Image.Label == label);

        var total = await rows.CountAsync(ct);
        // Sequence breaks ties (and is unique per asset), so paging is stable: no image on two pages or on none.
        var ordered = query.Order == InspectionOrder.Worst
            ? rows.OrderByDescending(r => r.Window.Calibrated).ThenByDescending(r => r.Window.Sequence)
            : rows.OrderByDescending(r => r.Window.Sequence);
        var page = await ordered.Skip(query.Page * query.PageSize).Take(query.PageSize).Select(ToRow).ToListAsync(ct);
        return new InspectionImagePage(page, total);
    }

    /// <summary>One image of the asset with its score; null when the asset has no such scored image.</summary>
    public async Task<InspectionImageRow?> FindAsync(int assetId, Guid runId, int windowIndex, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Scored(db, assetId)
            .Where(r => r.Image.RunId == runId && r.Image.WindowIndex == windowIndex)
            .Select(ToRow).SingleOrDefaultAsync(ct);
    }

    /// <summary>The distinct ground-truth labels of the asset's images, for the label filter.</summary>
    public async Task<IReadOnlyList<string>> LabelsAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InspectionImages.AsNoTracking()
            .Where(i => i.AssetId == assetId && i.Label != null)
            .Select(i => i.Label!).Distinct().OrderBy(l => l).ToListAsync(ct);
    }

    /// <summary>An image and its window, kept as entities until the page is cut so EF can filter and order on both.</summary>
    private sealed class ScoredImage
    {
        public required InspectionImage Image { get; init; }
        public required WindowScoreRow Window { get; init; }
    }

    private static IQueryable<ScoredImage> Scored(PortalDbContext db, int assetId) =>
        from image in db.InspectionImages.AsNoTracking()
        join window in db.WindowScores.AsNoTracking()
            on new { image.RunId, image.WindowIndex } equals new { window.RunId, window.WindowIndex }
        where image.AssetId == assetId && window.AssetId == assetId
        select new ScoredImage { Image = image, Window = window };

    private static readonly Expression<Func<ScoredImage, InspectionImageRow>> ToRow = r => new InspectionImageRow(
        r.Image.RunId, r.Image.WindowIndex, r.Image.Name, r.Image.Label, r.Image.RecordingId != null, r.Window.At, r.Window.Sequence,
        r.Window.ModelId, r.Window.Score, r.Window.Calibrated, r.Window.AboveThreshold);

    private DateTimeOffset? Since(InspectionRange range) => range switch
    {
        InspectionRange.Last24Hours => time.GetUtcNow().AddHours(-24),
        InspectionRange.Last7Days => time.GetUtcNow().AddDays(-7),
        _ => null,
    };

    private static void Check(InspectionImageQuery query)
    {
        if (query.Page < 0)
            throw new ArgumentException("The page number cannot be negative.");
        if (query.PageSize is < 1 or > InspectionImageQuery.MaxPageSize)
            throw new ArgumentException($"A page holds 1 to {InspectionImageQuery.MaxPageSize} images.");
        if (!Enum.IsDefined(query.Order) || !Enum.IsDefined(query.Verdict) || !Enum.IsDefined(query.Range))
            throw new ArgumentException("Unknown order, verdict or range.");
    }
}
