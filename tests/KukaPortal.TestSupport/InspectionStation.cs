using KukaPortal.Core.Alarms;
using KukaPortal.Core.Images;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.TestSupport;

/// <summary>An image to store for a station: its name, ground-truth label and pixels (at the model's size and planes).</summary>
public sealed record StationImage(string Name, string? Label, PlanarImage Image);

/// <summary>
/// An inspection station with <see cref="StationModel"/> as its active model, and images stored the way the live
/// image endpoint stores them: the original PNG in the blob store, scored by the real model, published through
/// <see cref="ScoreBatchPublisher"/> (stored with its window, then pushed).
/// </summary>
public sealed class InspectionStation(PortalFactory portal, int assetId, int modelId)
{
    public int AssetId { get; } = assetId;
    public int ModelId { get; } = modelId;

    public static async Task<InspectionStation> CreateAsync(PortalFactory portal, string name = "Inspection station 1")
    {
        var blobs = portal.Services.GetRequiredService<BlobStore>();
        var bytes = await StationModel.ArtifactAsync(portal);
        var threshold = await StationModel.ThresholdAsync(portal);
        var artifact = blobs.Write("models", ".kpm", stream => stream.Write(bytes));
        var (assetId, modelId) = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = name, Kind = AssetKind.InspectionStation, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            var model = new DetectorModel
            {
                AssetId = asset.Id, Version = 1, Family = ImageModelFamily.ConvAe2d.Name(), ArtifactKey = artifact.Key,
                Threshold = threshold, Window = 1, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Models.Add(model);
            await db.SaveChangesAsync();
            asset.ActiveModelId = model.Id;
            await db.SaveChangesAsync();
            return (asset.Id, model.Id);
        });
        return new InspectionStation(portal, assetId, modelId);
    }

    /// <summary>
    /// Scores <paramref name="images"/> with the real model and publishes them as windows <paramref name="firstIndex"/>…
    /// of <paramref name="runId"/>, one second apart from <paramref name="runStart"/>. Returns the scores, in order.
    /// <paramref name="raiseAt"/>: the window at which the batch raises an alarm, as the K-of-N rule would.
    /// </summary>
    public async Task<IReadOnlyList<ImageScore>> PublishAsync(
        Guid runId, IReadOnlyList<StationImage> images, DateTimeOffset runStart, int firstIndex = 0, int? raiseAt = null)
    {
        var blobs = portal.Services.GetRequiredService<BlobStore>();
        var scores = await StationModel.ScoreAsync(portal, images.Select(i => i.Image).ToList());
        var start = RunClock.TruncateToMicroseconds(runStart);
        var windows = new List<ScoredWindow>();
        var inspected = new List<InspectedImage>();
        for (var i = 0; i < images.Count; i++)
        {
            var index = firstIndex + i;
            var png = blobs.Write($"inspection/{AssetId}", ".png", stream => stream.Write(ImageEncoder.Png(images[i].Image)));
            var seconds = index + 1.0;
            windows.Add(new ScoredWindow(index, index, index + 1, seconds, seconds, scores[i].Score, scores[i].Calibrated, scores[i].AboveThreshold, start.AddSeconds(seconds)));
            inspected.Add(new InspectedImage(index, images[i].Name, images[i].Label, start.AddSeconds(seconds), BlobKey: png.Key));
        }
        await portal.Services.GetRequiredService<ScoreBatchPublisher>()
            .PublishAsync(new ScoreBatch(AssetId, runId, ModelId, windows, raiseAt is { } raised ? [(raised, ConditionChange.Raised)] : [], inspected), CancellationToken.None);
        return scores;
    }
}
