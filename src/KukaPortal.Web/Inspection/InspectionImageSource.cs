using KukaPortal.Core.Images;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Recordings;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Inspection;

/// <summary>
/// The pixels behind an <see cref="InspectionImage"/>, read exactly as its model read them when it scored:
/// a received original decoded with the model's size, planes and fitting, or the image of a stored set.
/// </summary>
public sealed class InspectionImageSource(IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs, ImageSetLoader sets)
{
    public async Task<InspectionPixels> LoadAsync(InspectionImage image, ImageDetectorSettings settings, CancellationToken ct)
    {
        if (image.BlobKey is { } key)
        {
            var bytes = await File.ReadAllBytesAsync(blobs.PathOf(key), ct);
            return new InspectionPixels(ImageDecoder.Decode(bytes, ImageReadOptions.ForDecoding(settings)).Image, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == image.RecordingId, ct);
        var set = await Task.Run(() => sets.LoadFor(recording, settings, ct), ct);
        var item = set.Items[image.ImageIndex!.Value];
        return new InspectionPixels(item.Image, item.Mask);
    }
}
