using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Settings;

internal static class AssetRowLock
{
    /// <summary>
    /// Locks the asset row for the caller's transaction, so two engineers changing a setting at once queue
    /// and each audit entry's "before" is what the other left.
    /// </summary>
    public static async Task<Asset> LockAsync(PortalDbContext db, int assetId, CancellationToken ct) =>
        await db.Assets.FromSql($"SELECT * FROM assets WHERE id = {assetId} FOR UPDATE").SingleOrDefaultAsync(ct)
        ?? throw new SettingsException(SettingsProblem.AssetNotFound, $"There is no asset {assetId}.");
}
