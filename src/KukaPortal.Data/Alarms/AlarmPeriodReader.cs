using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Alarms;

/// <summary>
/// When one alarm's condition was on: from its raise to its return to normal, or still on (<see cref="ClearedAt"/>
/// null). <see cref="Acknowledged"/> tells the chart which colour to shade it in.
/// </summary>
public sealed record AlarmPeriod(long AlarmId, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, AlarmState State, bool Acknowledged);

/// <summary>
/// The alarm periods of one asset that overlap a time range, oldest first: what the live score chart shades.
/// Read from the alarms table (the truth), not guessed from windows above the threshold, so an alarm that the
/// K-of-N rule never raised is not shaded and a raised one stays shaded until it really cleared.
/// </summary>
public sealed class AlarmPeriodReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>More periods than a chart can show legibly; a range with more keeps the latest.</summary>
    public const int MaxPeriods = 500;

    public async Task<IReadOnlyList<AlarmPeriod>> ReadAsync(int assetId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (from > to) throw new ArgumentException($"from ({from:O}) must not be after to ({to:O}).", nameof(from));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Uses the (asset_id, raised_at) index; an alarm still on (no returned_at) overlaps every later range.
        var periods = await db.Alarms.AsNoTracking()
            .Where(a => a.AssetId == assetId && a.RaisedAt <= to && (a.ReturnedAt == null || a.ReturnedAt >= from))
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Take(MaxPeriods)
            .Select(a => new AlarmPeriod(a.Id, a.RaisedAt, a.ReturnedAt, a.State, a.AcknowledgedAt != null))
            .ToListAsync(ct);
        periods.Reverse();
        return periods;
    }
}
