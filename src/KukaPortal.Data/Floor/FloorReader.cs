using KukaPortal.Core.Alarms;
using KukaPortal.Core.Floor;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Floor;

/// <summary>One asset as the floor dashboard shows it.</summary>
/// <param name="LastWindowAt">When the asset's latest window was scored (not its data time, which a batch job spreads over the recording).</param>
/// <param name="LastAlarmAt">When the asset's latest alarm was raised, in any state.</param>
public sealed record FloorAsset(
    int Id, string Name, AssetAlarmMode Mode, int? ModelVersion, DateTimeOffset? LastWindowAt, DateTimeOffset? LastAlarmAt,
    int UnacknowledgedAlarms, int AcknowledgedAlarms, int ShelvedAlarms)
{
    public TileFacts Facts(bool streamSilent = false) =>
        new(Mode, UnacknowledgedAlarms, AcknowledgedAlarms, ShelvedAlarms, LastWindowAt, streamSilent);
}

/// <summary>
/// Everything the floor dashboard needs about every asset in one query (a wall screen with 20 tiles
/// refreshes often; N queries per tile would not scale). The latest window comes through the
/// (asset_id, sequence) index, newest first, one row per asset.
/// </summary>
public sealed class FloorReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<FloorAsset>> ReadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Assets.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new FloorAsset(
                a.Id, a.Name, a.AlarmMode,
                a.ActiveModel == null ? null : a.ActiveModel.Version,
                db.WindowScores.Where(w => w.AssetId == a.Id).OrderByDescending(w => w.Sequence).Select(w => (DateTimeOffset?)w.ScoredAt).FirstOrDefault(),
                db.Alarms.Where(al => al.AssetId == a.Id).Max(al => (DateTimeOffset?)al.RaisedAt),
                db.Alarms.Count(al => al.AssetId == a.Id && (al.State == AlarmState.ActiveUnacknowledged || al.State == AlarmState.ReturnedUnacknowledged)),
                db.Alarms.Count(al => al.AssetId == a.Id && al.State == AlarmState.ActiveAcknowledged),
                db.Alarms.Count(al => al.AssetId == a.Id && al.State == AlarmState.Shelved)))
            .ToListAsync(ct);
    }
}
