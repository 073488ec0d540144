using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data;

/// <summary>
/// Reads an asset with its row locked for the caller's transaction (<c>FOR UPDATE</c>): two people changing the same
/// asset at once (promotion, service mode, alarm rule, threshold) queue, so each sees and audits what the other left.
/// Live images of an inspection station take their positions in the station's run under it too.
/// </summary>
public static class AssetRowLock
{
    /// <summary>The locked asset, or null when there is none with that id.</summary>
    public static Task<Asset?> FindAsync(PortalDbContext db, int assetId, CancellationToken ct) =>
        db.Assets.FromSql($"SELECT * FROM assets WHERE id = {assetId} FOR UPDATE").SingleOrDefaultAsync(ct);
}
