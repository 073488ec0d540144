using KukaPortal.Data.Models;
using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Models;

/// <summary>
/// Promote and roll back as the page and the API do them: switch in the database (audited, one
/// transaction), then tell the asset's dashboards. Live streams need no message: their pipeline reads the
/// asset's active model every tick and reloads the detector when it changes (AssetStreamPipeline).
/// </summary>
public sealed class ModelLifecycle(ModelPromotion promotion, MonitoringNotifier notifier)
{
    public async Task<ModelSwitch> PromoteAsync(int assetId, int modelId, string user, CancellationToken ct)
    {
        var change = await promotion.PromoteAsync(assetId, modelId, user, ct);
        await notifier.ModelChangedAsync(change.Active);
        return change;
    }

    public async Task<ModelSwitch> RollBackAsync(int assetId, string user, CancellationToken ct)
    {
        var change = await promotion.RollBackAsync(assetId, user, ct);
        await notifier.ModelChangedAsync(change.Active);
        return change;
    }
}
