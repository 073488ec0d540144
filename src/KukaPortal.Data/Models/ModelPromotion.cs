using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Models;

/// <summary>The outcome of a switch: the model now active and the one it replaced (null when the asset had none).</summary>
public sealed record ModelSwitch(int AssetId, string AssetName, DetectorModel Active, DetectorModel? Replaced);

/// <summary>
/// Decides which of an asset's models is active. A trained model is a candidate; it becomes active by
/// itself only when the asset has no active model yet (its first model), otherwise an engineer promotes
/// it. Each promotion and roll-back locks the asset row, switches the active model, stamps both models'
/// history and appends the audit entry in one transaction.
/// </summary>
public sealed class ModelPromotion(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Called when a training registers its model (inside that transaction): makes it active only when the
    /// asset has no active model, so first-time users and the demo score at once. Returns whether it did.
    /// </summary>
    public static bool ActivateIfFirst(Asset asset, DetectorModel model, DateTimeOffset now, string? requestedBy)
    {
        if (asset.ActiveModelId is not null) return false;
        asset.ActiveModelId = model.Id;
        model.PromotedAt = now;
        model.PromotedBy = requestedBy ?? "automatically (first model)";
        return true;
    }

    /// <summary>The model a roll-back returns to: the one most recently replaced as active.</summary>
    public static DetectorModel? PreviousActive(IEnumerable<DetectorModel> models, int? activeModelId) =>
        models.Where(m => m.Id != activeModelId && m.RetiredAt is not null)
              .OrderByDescending(m => m.RetiredAt).ThenByDescending(m => m.Version)
              .FirstOrDefault();

    public async Task<ModelSwitch> PromoteAsync(int assetId, int modelId, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var asset = await LockAssetAsync(db, assetId, ct);
            var model = await db.Models.SingleOrDefaultAsync(m => m.Id == modelId && m.AssetId == assetId, ct)
                ?? throw new ModelChangeException(ModelChangeProblem.ModelNotFound, $"Asset '{asset.Name}' has no model {modelId}.");
            if (asset.ActiveModelId == model.Id)
                throw new ModelChangeException(ModelChangeProblem.AlreadyActive, $"v{model.Version} is already the active model of {asset.Name}.");

            var change = await SwitchAsync(db, asset, model, user, AuditAction.ModelPromoted, ct);
            return change;
        }, ct);
    }

    /// <summary>Promotes the previously active model again; rolling back twice undoes the first roll-back.</summary>
    public async Task<ModelSwitch> RollBackAsync(int assetId, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var asset = await LockAssetAsync(db, assetId, ct);
            var models = await db.Models.Where(m => m.AssetId == assetId).ToListAsync(ct);
            var previous = PreviousActive(models, asset.ActiveModelId)
                ?? throw new ModelChangeException(ModelChangeProblem.NoPreviousModel,
                    $"{asset.Name} has no previously active model to roll back to: no model has been replaced yet.");

            var change = await SwitchAsync(db, asset, previous, user, AuditAction.ModelRolledBack, ct);
            return change;
        }, ct);
    }

    /// <summary>Two engineers promoting at once queue on the asset row, so each sees the other's result.</summary>
    private static async Task<Asset> LockAssetAsync(PortalDbContext db, int assetId, CancellationToken ct) =>
        await AssetRowLock.FindAsync(db, assetId, ct)
        ?? throw new ModelChangeException(ModelChangeProblem.AssetNotFound, $"There is no asset {assetId}.");

    private async Task<ModelSwitch> SwitchAsync(PortalDbContext db, Asset asset, DetectorModel target, string user, AuditAction action, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var replaced = asset.ActiveModelId is { } activeId ? await db.Models.SingleAsync(m => m.Id == activeId, ct) : null;
        if (replaced is not null) replaced.RetiredAt = now;
        target.PromotedAt = now;
        target.PromotedBy = user;
        target.RetiredAt = null;
        asset.ActiveModelId = target.Id;

        var detail = replaced is null
            ? $"v{target.Version} becomes the active model of {asset.Name}"
            : action == AuditAction.ModelRolledBack
                ? $"rolled back from v{replaced.Version} to v{target.Version}"
                : $"v{target.Version} replaces v{replaced.Version} as the active model";
        audit.Add(db, user, action, $"model {target.Id} (v{target.Version})", detail, asset.Id);
        await db.SaveChangesAsync(ct);
        return new ModelSwitch(asset.Id, asset.Name, target, replaced);
    }
}
