using System.Runtime.CompilerServices;
using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Alarms;

/// <summary>The alarms raised in a period (optionally of one asset), newest first.</summary>
public sealed record AlarmHistoryFilter(int? AssetId, DateTimeOffset From, DateTimeOffset To);

/// <summary>One alarm as the history table and the CSV export show it.</summary>
public sealed record AlarmHistoryRow(
    long Id, int AssetId, string AssetName, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, AlarmPriority Priority,
    AlarmState State, AlarmClassification? Classification, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, double PeakCalibrated)
{
    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - RaisedAt;
}

public sealed record AlarmHistoryPage(IReadOnlyList<AlarmHistoryRow> Rows, int Total);

/// <summary>
/// Pages and streams alarm history for the history page and the export; both use the raised_at index and never
/// load more than a page (or, streaming, one row at a time).
/// </summary>
public sealed class AlarmHistoryReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<AlarmHistoryPage> PageAsync(AlarmHistoryFilter filter, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Query(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))).ToListAsync(ct);
        return new AlarmHistoryPage(rows, total);
    }

    public async IAsyncEnumerable<AlarmHistoryRow> StreamAsync(AlarmHistoryFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var row in Project(Query(db, filter)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    private static IQueryable<Entities.Alarm> Query(PortalDbContext db, AlarmHistoryFilter filter)
    {
        var query = db.Alarms.AsNoTracking().Where(a => a.RaisedAt >= filter.From && a.RaisedAt < filter.To);
        if (filter.AssetId is { } asset) query = query.Where(a => a.AssetId == asset);
        return query.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id);
    }

    private static IQueryable<AlarmHistoryRow> Project(IQueryable<Entities.Alarm> query) =>
        query.Select(a => new AlarmHistoryRow(a.Id, a.AssetId, a.Asset!.Name, a.RaisedAt, a.ReturnedAt, a.Priority, a.State,
            a.Classification, a.AcknowledgedAt, a.AcknowledgedBy, a.PeakCalibrated));
}
