using KukaPortal.Core.Images;
using KukaPortal.Data;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Reconstruction;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KukaPortal.Web.Inspection;

/// <summary>
/// Renders a scored image's pictures for the inspection view: its pixels as the model read them
/// (<see cref="InspectionImageSource"/>), then one Explain pass of the model that scored it on the torch thread at
/// Live priority (<see cref="DetectorCache"/>), encoded as PNGs. A scored image's pictures never change (its model's
/// file and its pixels are fixed), so they are kept in a bounded cache, and the four panels the page asks for at
/// once share one render: the cache holds the render's task, not its result.
/// </summary>
public sealed class InspectionPictureRenderer(
    IDbContextFactory<PortalDbContext> dbFactory, InspectionImageSource source, DetectorCache detectors, TorchStatus torchStatus, BlobStore blobs)
    : IDisposable
{
    /// <summary>Rendered images kept at most; a 128×128 image's four PNGs take some 100 kB.</summary>
    public const int Capacity = 512;

    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lock _gate = new();

    /// <summary>Null when the asset has no such scored image. Throws <see cref="ReconstructionUnavailableException"/> when its model cannot run here.</summary>
    public async Task<InspectionPictures?> RenderAsync(int assetId, Guid runId, int windowIndex, CancellationToken ct)
    {
        var key = (assetId, runId, windowIndex);
        Lazy<Task<InspectionPictures?>> render;
        // GetOrCreate alone is not atomic: two panels asked for at once could each start a render. Creating the
        // Lazy is cheap (the render starts on its first .Value, outside the lock), so the lock is held briefly.
        lock (_gate)
        {
            render = _rendered.GetOrCreate(key, entry =>
            {
                entry.Size = 1;
                // Not the caller's token: the render is shared with the other panels' requests.
                return new Lazy<Task<InspectionPictures?>>(() => RenderUncachedAsync(assetId, runId, windowIndex, CancellationToken.None));
            })!;
        }
        try
        {
            var pictures = await render.Value.WaitAsync(ct);
            // An unknown image may be scored later (a retried batch), so "not found" is not kept.
            if (pictures is null) _rendered.Remove(key);
            return pictures;
        }
        catch when (render.Value.IsFaulted)
        {
            _rendered.Remove(key);
            throw;
        }
    }

    private async Task<InspectionPictures?> RenderUncachedAsync(int assetId, Guid runId, int windowIndex, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (
                from image in db.InspectionImages.AsNoTracking()
                join window in db.WindowScores.AsNoTracking()
                    on new { image.RunId, image.WindowIndex } equals new { window.RunId, window.WindowIndex }
                join model in db.Models.AsNoTracking() on window.ModelId equals model.Id
                where image.AssetId == assetId && image.RunId == runId && image.WindowIndex == windowIndex
                select new { image, model })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;

        if (!torchStatus.Info.Available)
            throw new ReconstructionUnavailableException($"Torch is not available on this node, so the model cannot run: {torchStatus.Info.Error}");
        if (!File.Exists(blobs.PathOf(found.model.ArtifactKey)))
            throw new ReconstructionUnavailableException($"The file of model v{found.model.Version} is no longer stored, so the image cannot be explained.");

        if (found.image.BlobKey is { } original && !File.Exists(blobs.PathOf(original)))
            throw new ReconstructionUnavailableException($"The received image '{found.image.Name}' is no longer stored, so it cannot be shown.");

        var device = torchStatus.Info.ToDevice();
        var (settings, saturation) = await detectors.RunImagesAsync(blobs, found.model, device, d => (d.Settings, d.Metadata.MapSaturation));
        var pixels = await source.LoadAsync(found.image, settings, ct);
        var explanation = await detectors.RunImagesAsync(blobs, found.model, device, d => d.Explain(pixels.Image));

        return new InspectionPictures(
            ImageEncoder.Png(pixels.Image),
            ImageEncoder.Png(explanation.Reconstruction),
            ImageEncoder.Png(AnomalyHeatmap.Overlay(pixels.Image, explanation.Map, (float)saturation)),
            pixels.Mask is { } mask ? ImageEncoder.Png(mask) : null);
    }

    public void Dispose() => _rendered.Dispose();
}
