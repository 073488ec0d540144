using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Alarms;

/// <summary>
/// The alarm list's query: filters, order and one page, counted and paged in the database (never the whole
/// table in memory). The (asset_id, raised_at) and (state, raised_at) indexes serve the common filters.
/// </summary>
public sealed class AlarmListReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AlarmListPage> ReadAsync(AlarmListQuery query, CancellationToken ct)
    {
        Check(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db.Alarms.AsNoTracking(), query);
        var total = await filtered.CountAsync(ct);
        var rows = await Order(filtered, query)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(a => new AlarmListRow(
                a.Id, a.AssetId, a.Asset!.Name, a.RaisedAt, a.ReturnedAt, a.State, a.Priority, a.PeakCalibrated,
                a.Classification, a.AcknowledgedBy, a.AcknowledgedAt, a.ShelvedUntil))
            .ToListAsync(ct);
        return new AlarmListPage(rows, total);
    }

    private static void Check(AlarmListQuery query)
    {
        if (query.Page < 0)
            throw new ArgumentException("The page number cannot be negative.");
        if (query.PageSize is < 1 or > AlarmListQuery.MaxPageSize)
            throw new ArgumentException($"A page holds 1 to {AlarmListQuery.MaxPageSize} alarms.");
        if (query.RaisedFrom is { } from && query.RaisedTo is { } to && from >= to)
            throw new ArgumentException("\"Raised from\" must be before \"raised to\".");
        if (query.Unclassified && query.Classification is not null)
            throw new ArgumentException("Choose either a classification or \"unclassified\", not both.");
    }

    private static IQueryable<Alarm> Filter(IQueryable<Alarm> alarms, AlarmListQuery q)
    {
        if (q.AssetId is { } assetId) alarms = alarms.Where(a => a.AssetId == assetId);
        if (q.States.Count > 0)
        {
            var states = q.States.Distinct().ToList();
            alarms = alarms.Where(a => states.Contains(a.State));
        }
        if (q.Priority is { } priority) alarms = alarms.Where(a => a.Priority == priority);
        if (q.Classification is { } classification) alarms = alarms.Where(a => a.Classification == classification);
        if (q.Unclassified) alarms = alarms.Where(a => a.Classification == null);
        if (q.RaisedFrom is { } from) alarms = alarms.Where(a => a.RaisedAt >= from);
        if (q.RaisedTo is { } to) alarms = alarms.Where(a => a.RaisedAt < to);
        return alarms;
    }

    // Ties are broken by id so that paging is stable: no alarm shows on two pages or on none.
    private static IOrderedQueryable<Alarm> Order(IQueryable<Alarm> alarms, AlarmListQuery q) => (q.SortBy, q.Descending) switch
    {
        (AlarmSortField.Asset, false) => alarms.OrderBy(a => a.Asset!.Name).ThenBy(a => a.Id),
        (AlarmSortField.Asset, true) => alarms.OrderByDescending(a => a.Asset!.Name).ThenByDescending(a => a.Id),
        (AlarmSortField.State, false) => alarms.OrderBy(a => a.State).ThenBy(a => a.Id),
        (AlarmSortField.State, true) => alarms.OrderByDescending(a => a.State).ThenByDescending(a => a.Id),
        // Priority is stored as text; the peak orders it the same way (the band follows the peak).
        (AlarmSortField.Priority or AlarmSortField.PeakCalibrated, false) => alarms.OrderBy(a => a.PeakCalibrated).ThenBy(a => a.Id),
        (AlarmSortField.Priority or AlarmSortField.PeakCalibrated, true) => alarms.OrderByDescending(a => a.PeakCalibrated).ThenByDescending(a => a.Id),
        (AlarmSortField.Classification, false) => alarms.OrderBy(a => a.Classification).ThenBy(a => a.Id),
        (AlarmSortField.Classification, true) => alarms.OrderByDescending(a => a.Classification).ThenByDescending(a => a.Id),
        (AlarmSortField.AcknowledgedAt, false) => alarms.OrderBy(a => a.AcknowledgedAt).ThenBy(a => a.Id),
        (AlarmSortField.AcknowledgedAt, true) => alarms.OrderByDescending(a => a.AcknowledgedAt).ThenByDescending(a => a.Id),
        (_, false) => alarms.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id),
        (_, true) => alarms.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id),
    };
}
