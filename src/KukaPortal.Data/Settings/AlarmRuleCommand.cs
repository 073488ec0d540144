using KukaPortal.Core.Alarms;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Settings;

public sealed record AlarmRuleChange(int AssetId, int K, int N, int PreviousK, int PreviousN)
{
    public bool Changed => K != PreviousK || N != PreviousN;
}

/// <summary>
/// Sets an asset's K-of-N on-delay alarm rule: validated first, then the asset row and its audit entry in
/// one transaction. The settings page and <c>PUT /api/assets/{id}/alarm-rule</c> both come here. Running
/// streams read the asset every tick and rebuild their rule from the stored decisions when it changed.
/// </summary>
public sealed class AlarmRuleCommand(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit)
{
    public async Task<AlarmRuleChange> ChangeAsync(int assetId, int k, int n, string user, CancellationToken ct)
    {
        if (AlarmRuleLimits.Problem(k, n) is { } problem)
            throw new SettingsException(SettingsProblem.Invalid, problem);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var asset = await AssetRowLock.FindAsync(db, assetId, ct)
                ?? throw new SettingsException(SettingsProblem.AssetNotFound, $"There is no asset {assetId}.");
            var change = new AlarmRuleChange(asset.Id, k, n, asset.AlarmOnDelayK, asset.AlarmOnDelayN);
            if (!change.Changed) return change; // a repeat changes nothing and is not audited

            asset.AlarmOnDelayK = k;
            asset.AlarmOnDelayN = n;
            audit.Add(db, user, AuditAction.AlarmRuleChanged, $"asset {asset.Id} ({asset.Name})",
                $"{change.PreviousK} of {change.PreviousN} → {k} of {n} windows above the threshold", asset.Id);
            await db.SaveChangesAsync(ct);
            return change;
        }, ct);
    }
}
