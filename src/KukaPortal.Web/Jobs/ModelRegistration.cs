using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Stores a trained model as the asset's next version, in one transaction with its activation when it is the
/// asset's first (a later one is a candidate an engineer promotes). Time-series and image training share it.
/// </summary>
public static class ModelRegistration
{
    public static async Task<DetectorModel> RegisterAsync(IDbContextFactory<PortalDbContext> dbFactory, Job job, DetectorModel model, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            // A re-run after a commit reported lost must not reuse the id the rolled-back insert handed out.
            model.Id = 0;
            var asset = await db.Assets.SingleAsync(a => a.Id == job.AssetId, ct);
            model.AssetId = job.AssetId;
            model.Version = 1 + (await db.Models.Where(m => m.AssetId == job.AssetId).MaxAsync(m => (int?)m.Version, ct) ?? 0);
            db.Models.Add(model);
            await db.SaveChangesAsync(ct);
            ModelPromotion.ActivateIfFirst(asset, model, model.CreatedAt, job.RequestedBy);
            await db.SaveChangesAsync(ct);
            return model;
        }, ct);
    }
}
