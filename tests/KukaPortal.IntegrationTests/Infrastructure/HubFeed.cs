using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Feeds a node's monitoring hub the way a score job does, without training anything: an asset with a stand-in model,
/// and windows stored by the node's <see cref="ScoreBatchWriter"/> and then pushed by its <see cref="MonitoringNotifier"/>.
/// </summary>
public static class HubFeed
{
    public static Task<(int AssetId, int ModelId)> SeedAssetAsync(PortalNode node) => node.WithDbAsync(async db =>
    {
        var asset = new Asset { Name = "Robot 1", CreatedAt = DateTimeOffset.UtcNow };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        var model = new DetectorModel
        {
            AssetId = asset.Id, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 16, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return (asset.Id, model.Id);
    });

    /// <summary>Stores <paramref name="count"/> quiet windows of a new run, <paramref name="spacing"/> apart from now, and pushes them.</summary>
    public static async Task<IReadOnlyList<WindowScoreRow>> StoreAndPushAsync(
        PortalNode node, int assetId, int modelId, int count, TimeSpan spacing, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var windows = Enumerable.Range(0, count).Select(i => new ScoredWindow(i, i * 16, i * 16 + 16, i, i + 1, 0.5, 0.5, false, now + spacing * i, null)).ToList();
        var stored = await node.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, []), ct);
        await node.Services.GetRequiredService<MonitoringNotifier>().WindowsScoredAsync(assetId, stored.Rows);
        return stored.Rows;
    }
}
