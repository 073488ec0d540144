using KukaPortal.Core.Alarms;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Alarms;

/// <summary>
/// Takes an asset's alarms out of service or suppresses them, and back. The asset row is locked first
/// (the lock the score writer takes to reserve sequence numbers), so no batch raises an alarm between
/// the mode change and the alarms following it. Each affected alarm gets its own event, and the change
/// itself an audit entry in the same transaction: an asset with no alarms open would otherwise leave no
/// trace of who took it out of service, once the asset row shows the next change.
/// </summary>
public sealed class AssetAlarmModeStore(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    public Task<AssetModeResult> RemoveFromServiceAsync(int assetId, string reason, string user, CancellationToken ct) =>
        ChangeAsync(assetId, AlarmOperation.RemoveFromService, AlarmEventKind.RemovedFromService, reason, user, ct);

    public Task<AssetModeResult> ReturnToServiceAsync(int assetId, string? comment, string user, CancellationToken ct) =>
        ChangeAsync(assetId, AlarmOperation.ReturnToService, AlarmEventKind.ReturnedToService, comment, user, ct);

    public Task<AssetModeResult> SuppressAsync(int assetId, string reason, string user, CancellationToken ct) =>
        ChangeAsync(assetId, AlarmOperation.Suppress, AlarmEventKind.Suppressed, reason, user, ct);

    public Task<AssetModeResult> UnsuppressAsync(int assetId, string? comment, string user, CancellationToken ct) =>
        ChangeAsync(assetId, AlarmOperation.Unsuppress, AlarmEventKind.Unsuppressed, comment, user, ct);

    private async Task<AssetModeResult> ChangeAsync(int assetId, AlarmOperation operation, AlarmEventKind kind, string? comment, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var asset = await AssetRowLock.FindAsync(db, assetId, ct);
            if (asset is null) return new AssetModeResult(null, Changed: false, []);

            var (mode, changed) = AssetAlarmModes.Apply(asset.AlarmMode, operation);
            if (!changed) return new AssetModeResult(asset, Changed: false, []);

            var now = time.GetUtcNow();
            var before = asset.AlarmMode;
            asset.AlarmMode = mode;
            asset.AlarmModeReason = mode == AssetAlarmMode.InService ? null : comment?.Trim();
            asset.AlarmModeBy = user;
            asset.AlarmModeSince = now;

            var alarms = await db.Alarms.FromSql($"SELECT * FROM alarms WHERE asset_id = {assetId} AND state = ANY({Affected(operation)}) ORDER BY id FOR UPDATE")
                .ToListAsync(ct);
            var changedAlarms = new List<Alarm>();
            foreach (var alarm in alarms)
            {
                if (!alarm.Apply(Transition(alarm.Status, operation), kind, now, user, comment)) continue;
                // Service and suppression override a shelve; its expiry no longer applies.
                alarm.ShelvedUntil = null;
                changedAlarms.Add(alarm);
            }
            var why = string.IsNullOrWhiteSpace(comment) ? "" : $": {comment.Trim()}";
            audit.Add(db, user, AuditAction.AssetModeChanged, $"asset {asset.Id} ({asset.Name})", $"{before} → {mode}{why}", asset.Id);
            await db.SaveChangesAsync(ct);
            return new AssetModeResult(asset, Changed: true, changedAlarms);
        }, ct);
    }

    /// <summary>The alarm states an asset-level operation applies to; alarms that are over (Normal) are left alone.</summary>
    private static string[] Affected(AlarmOperation operation) => (operation switch
    {
        AlarmOperation.RemoveFromService => [AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, AlarmState.ReturnedUnacknowledged, AlarmState.Shelved, AlarmState.SuppressedByDesign],
        AlarmOperation.Suppress => [AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, AlarmState.ReturnedUnacknowledged, AlarmState.Shelved],
        AlarmOperation.ReturnToService => [AlarmState.OutOfService],
        AlarmOperation.Unsuppress => new[] { AlarmState.SuppressedByDesign },
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    }).Select(s => s.ToString()).ToArray();

    private static AlarmTransition Transition(AlarmStatus status, AlarmOperation operation) => operation switch
    {
        AlarmOperation.RemoveFromService => AlarmLifecycle.RemoveFromService(status),
        AlarmOperation.ReturnToService => AlarmLifecycle.ReturnToService(status),
        AlarmOperation.Suppress => AlarmLifecycle.Suppress(status),
        AlarmOperation.Unsuppress => AlarmLifecycle.Unsuppress(status),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}

public sealed record AssetModeResult(Asset? Asset, bool Changed, IReadOnlyList<Alarm> ChangedAlarms);
