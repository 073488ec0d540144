using KukaPortal.Core.Images;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KukaPortal.Web.Inspection;

/// <summary>
/// The pixels behind an <see cref="InspectionImage"/>, read exactly as its model read them when it scored:
/// a received original decoded with the model's size, planes and fitting, or the image of a stored set.
/// A stored set is read whole (one .npz, or its original zip again), so a loaded set is kept for a short while:
/// the inspection grid asks for many images of the same set at once, and each would otherwise read it again.
/// </summary>
public sealed class InspectionImageSource(IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs, ImageSetLoader sets) : IDisposable
{
    /// <summary>Pixels (floats) of loaded sets kept at most: 64 M floats = 256 MB, about 1300 RGB images of 128×128.</summary>
    private const long SetCachePixels = 64L << 20;
    private static readonly TimeSpan SetCacheIdle = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _loadedSets = new(new MemoryCacheOptions { SizeLimit = SetCachePixels });

    public async Task<InspectionPixels> LoadAsync(InspectionImage image, ImageDetectorSettings settings, CancellationToken ct)
    {
        if (image.BlobKey is { } key)
        {
            var bytes = await File.ReadAllBytesAsync(blobs.PathOf(key), ct);
            return new InspectionPixels(ImageDecoder.Decode(bytes, ImageReadOptions.ForDecoding(settings)).Image, null);
        }
        var set = await LoadSetAsync(image.RecordingId!.Value, settings, ct);
        var item = set.Items[image.ImageIndex!.Value];
        return new InspectionPixels(item.Image, item.Mask);
    }

    private async Task<ImageSet> LoadSetAsync(int recordingId, ImageDetectorSettings settings, CancellationToken ct)
    {
        // A stored set never changes, and the loader's result depends only on the size and planes it was read for.
        var key = (recordingId, settings.Size, settings.Channels, settings.Fit);
        if (_loadedSets.TryGetValue(key, out ImageSet? cached)) return cached!;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId, ct);
        var set = await Task.Run(() => sets.LoadFor(recording, settings, ct), ct);
        var pixels = set.Items.Sum(i => (long)i.Image.Pixels.Length + (i.Mask?.Pixels.Length ?? 0));
        _loadedSets.Set(key, set, new MemoryCacheEntryOptions { Size = Math.Min(pixels, SetCachePixels), SlidingExpiration = SetCacheIdle });
        return set;
    }

    public void Dispose() => _loadedSets.Dispose();
}
