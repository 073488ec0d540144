using KukaPortal.Core.Alarms;
using KukaPortal.Core.Alarms.Load;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Data.Alarms;

/// <summary>The KPIs of a period plus the alarm rate over it, as the history page charts them.</summary>
public sealed record AlarmHistoryKpis(AlarmLoadReport Report, IReadOnlyList<AlarmRatePoint> Rate);

/// <summary>Reads the alarms of a period (and the older ones still active, for staleness) and hands them to <see cref="AlarmLoadCalculator"/>.</summary>
public sealed class AlarmKpiReader(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, IOptions<AlarmOptions> options)
{
    public async Task<AlarmLoadReport> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        AlarmLoadCalculator.Compute(await RecordsAsync(null, from, to, ct), from, to, time.GetUtcNow(), options.Value);

    /// <summary>The KPIs of one asset (or all when <paramref name="assetId"/> is null) and the rate of its annunciated alarms.</summary>
    public async Task<AlarmHistoryKpis> ReadHistoryAsync(int? assetId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var records = await RecordsAsync(assetId, from, to, ct);
        var report = AlarmLoadCalculator.Compute(records, from, to, time.GetUtcNow(), options.Value);
        var rate = AlarmRateSeries.Compute(records.Where(r => r.Annunciated).Select(r => r.RaisedAt), from, to);
        return new AlarmHistoryKpis(report, rate);
    }

    private async Task<List<AlarmRecord>> RecordsAsync(int? assetId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarms = db.Alarms.AsNoTracking().Where(a => a.RaisedAt < to && (a.RaisedAt >= from || a.ConditionActive));
        if (assetId is { } asset) alarms = alarms.Where(a => a.AssetId == asset);
        return await alarms
            .Select(a => new AlarmRecord(
                a.Id, a.AssetId, a.RaisedAt,
                // Annunciated: raised straight into active-unacknowledged, not into out-of-service or suppression.
                a.Events.Any(e => e.Kind == AlarmEventKind.Raised && e.ToState == AlarmState.ActiveUnacknowledged),
                a.State, a.ConditionActive, a.AcknowledgedAt, a.Classification))
            .ToListAsync(ct);
    }
}
