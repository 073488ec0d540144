using System.Collections.Concurrent;
using KukaPortal.Core.Alarms;
using KukaPortal.Core.Images;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Reconstruction;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Inspection;

/// <summary>
/// Scores one image an inspection station sent (the live endpoint and the demo feed both come here): checks the
/// station and its model, decodes the file as the model reads pictures, keeps the original bytes, scores on the torch
/// thread at Live priority with the cached detector (threshold override applied), and stores and pushes it as one
/// window of the station's image run through <see cref="ScoreBatchPublisher"/>, with its alarm-rule change.
/// Images of one asset take their position, pass the K-of-N rule and are stored one at a time (a gate per asset),
/// so the rule sees them in position order. Each asset's rule lives in memory, rebuilt from the run's stored decisions
/// (<see cref="ScoringResume"/>) on first use, after a restart, when K or N changed, and whenever its positions are
/// not consecutive (a failed image, or another node's). Nothing is left behind when an image fails: the kept original
/// is deleted unless its window was stored.
/// </summary>
public sealed class LiveImageScorer(
    IDbContextFactory<PortalDbContext> dbFactory, LiveImageRuns runs, DetectorCache detectors, BlobStore blobs, TorchStatus torchStatus,
    ScoreBatchPublisher publisher, TimeProvider time, ILogger<LiveImageScorer> logger)
{
    private sealed class AlarmMemory(Guid runId, OnDelayAlarmRule rule)
    {
        public Guid RunId => runId;
        public OnDelayAlarmRule Rule => rule;
        public int LastIndex { get; set; } = -1;
    }

    private sealed class AssetLane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public AlarmMemory? Memory { get; set; }
    }

    private readonly ConcurrentDictionary<int, AssetLane> _lanes = new();

    /// <param name="label">Ground truth when the sender knows it (the demo feed does); null for a station's images.</param>
    /// <exception cref="LiveImageRejectedException">The station, its model or the file does not allow scoring; nothing was stored.</exception>
    public async Task<LiveImageResult> ScoreAsync(int assetId, byte[] file, string? name, string? label, CancellationToken ct)
    {
        var receivedAt = RunClock.TruncateToMicroseconds(time.GetUtcNow());
        var (asset, model) = await StationAsync(assetId, ct);
        if (!torchStatus.Info.Available)
            throw new LiveImageRejectedException(503, "Scoring unavailable", $"This node cannot score: {torchStatus.Info.Error}");
        var device = torchStatus.Info.ToDevice();

        var settings = await detectors.RunImagesAsync(blobs, model, device, detector => detector.Settings);
        var image = Decode(file, settings);
        var blob = await blobs.SaveAsync(new MemoryStream(file, writable: false), $"inspection/{assetId}", ExtensionOf(file), ct);
        var slot = (LiveImageSlot?)null;
        try
        {
            var (score, threshold) = await detectors.RunImagesAsync(blobs, model, device, detector => (detector.Score([image])[0], detector.Threshold));
            var lane = _lanes.GetOrAdd(assetId, _ => new AssetLane());
            await lane.Gate.WaitAsync(ct);
            try
            {
                slot = await runs.TakeNextAsync(assetId, receivedAt, ct);
                return await StoreAsync(lane, asset, model, slot, score, threshold, name ?? DefaultName(receivedAt, file), label, blob.Key, receivedAt, ct);
            }
            catch
            {
                lane.Memory = null; // it may have seen a decision that was not stored
                throw;
            }
            finally
            {
                lane.Gate.Release();
            }
        }
        catch (Exception e)
        {
            if (slot is null || !await IsStoredAsync(slot))
                blobs.Delete(blob.Key);
            if (e is not (OperationCanceledException or LiveImageRejectedException))
                logger.LogError(e, "Live image {Name} of asset {AssetId} could not be scored or stored; its kept file was removed unless its window was stored", name, assetId);
            throw;
        }
    }

    private async Task<LiveImageResult> StoreAsync(
        AssetLane lane, Asset asset, DetectorModel model, LiveImageSlot slot, ImageScore score, double threshold, string name, string? label, string blobKey,
        DateTimeOffset receivedAt, CancellationToken ct)
    {
        var rule = await RuleAsync(lane, asset, slot, ct);
        var change = rule.Push(score.AboveThreshold);
        lane.Memory!.LastIndex = slot.WindowIndex;

        // An image is a window one row long at its position; its seconds count from the run's first image.
        var seconds = Math.Max(0, (receivedAt - slot.RunStartedAt).TotalSeconds);
        var window = new ScoredWindow(slot.WindowIndex, slot.WindowIndex, slot.WindowIndex + 1, seconds, seconds,
            score.Score, score.Calibrated, score.AboveThreshold, receivedAt);
        var image = new InspectedImage(slot.WindowIndex, name, label, receivedAt, BlobKey: blobKey);
        List<(int, ConditionChange)> changes = change == ConditionChange.None ? [] : [(slot.WindowIndex, change)];
        var stored = await publisher.PublishAsync(new ScoreBatch(asset.Id, slot.RunId, model.Id, [window], changes, [image]), ct);

        var row = stored.Rows.Single();
        var alarm = change == ConditionChange.Raised ? stored.ChangedAlarms.FirstOrDefault(a => a.RunId == slot.RunId) : null;
        return new LiveImageResult(slot.RunId, slot.WindowIndex, row.Sequence, name, score.Score, score.Calibrated, threshold,
            score.AboveThreshold ? LiveImageResult.Defect : LiveImageResult.Ok, change == ConditionChange.Raised, rule.ConditionActive, alarm?.Id);
    }

    /// <summary>The asset's rule as it stood after the image before this one; rebuilt from stored decisions when that is not known here.</summary>
    private async Task<OnDelayAlarmRule> RuleAsync(AssetLane lane, Asset asset, LiveImageSlot slot, CancellationToken ct)
    {
        if (lane.Memory is { } memory && memory.RunId == slot.RunId && memory.LastIndex == slot.WindowIndex - 1
            && memory.Rule.K == asset.AlarmOnDelayK && memory.Rule.N == asset.AlarmOnDelayN)
            return memory.Rule;
        var resume = await ScoringResume.LoadAsync(dbFactory, slot.RunId, asset.AlarmOnDelayN, ct);
        lane.Memory = new AlarmMemory(slot.RunId, resume.Rule(asset.AlarmOnDelayK, asset.AlarmOnDelayN));
        return lane.Memory.Rule;
    }

    private async Task<(Asset Asset, DetectorModel Model)> StationAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().Include(a => a.ActiveModel).SingleOrDefaultAsync(a => a.Id == assetId, ct)
            ?? throw new LiveImageRejectedException(404, "Unknown asset", $"Asset {assetId} does not exist.");
        if (asset.Kind != AssetKind.InspectionStation)
            throw new LiveImageRejectedException(409, "Not an inspection station",
                $"Asset {assetId} ({asset.Name}) is a {asset.Kind}, not an inspection station; a robot sends samples to /api/assets/{assetId}/samples.");
        if (asset.ActiveModel is not { } model)
            throw new LiveImageRejectedException(409, "No active model",
                $"Inspection station {asset.Name} has no active model to score images with: train a model first on its normal images.");
        return (asset, model);
    }

    /// <summary>The picture as the model reads pictures (size, planes, fitting); the decoder's reason when it is none.</summary>
    private static PlanarImage Decode(byte[] file, ImageDetectorSettings settings)
    {
        try
        {
            return ImageDecoder.Decode(file, ImageReadOptions.ForDecoding(settings)).Image;
        }
        catch (ImageFormatException e)
        {
            var (status, title) = e.Kind switch
            {
                ImageErrorKind.NotAnImage or ImageErrorKind.UnsupportedFormat => (415, "Not a PNG, JPEG or BMP image"),
                ImageErrorKind.TooLarge => (413, "Image too large"),
                _ => (400, "The image could not be decoded"),
            };
            throw new LiveImageRejectedException(status, title, e.Message);
        }
    }

    private async Task<bool> IsStoredAsync(LiveImageSlot slot)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.InspectionImages.AnyAsync(i => i.RunId == slot.RunId && i.WindowIndex == slot.WindowIndex);
    }

    /// <summary>The kept original's extension, from its signature (the decoder accepted only these three).</summary>
    private static string ExtensionOf(byte[] file) =>
        file.AsSpan().StartsWith(PngSignature) ? ".png" : file.AsSpan().StartsWith("BM"u8) ? ".bmp" : ".jpg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47];

    private static string DefaultName(DateTimeOffset receivedAt, byte[] file) => $"image-{receivedAt:yyyyMMdd-HHmmss-ffffff}{ExtensionOf(file)}";
}
