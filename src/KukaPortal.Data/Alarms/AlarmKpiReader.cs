using KukaPortal.Core.Alarms;
using KukaPortal.Core.Alarms.Load;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Data.Alarms;

/// <summary>Reads the alarms of a period (and the older ones still active, for staleness) and hands them to <see cref="AlarmLoadCalculator"/>.</summary>
public sealed class AlarmKpiReader(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, IOptions<AlarmOptions> options)
{
    public async Task<AlarmLoadReport> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var records = await db.Alarms.AsNoTracking()
            .Where(a => a.RaisedAt < to && (a.RaisedAt >= from || a.ConditionActive))
            .Select(a => new AlarmRecord(
                a.Id, a.AssetId, a.RaisedAt,
                // Annunciated: raised straight into active-unacknowledged, not into out-of-service or suppression.
                a.Events.Any(e => e.Kind == AlarmEventKind.Raised && e.ToState == AlarmState.ActiveUnacknowledged),
                a.State, a.ConditionActive, a.AcknowledgedAt, a.Classification))
            .ToListAsync(ct);
        return AlarmLoadCalculator.Compute(records, from, to, time.GetUtcNow(), options.Value);
    }
}
