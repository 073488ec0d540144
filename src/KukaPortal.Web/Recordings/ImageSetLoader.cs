using KukaPortal.Core.Images;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Loads a stored image set (a recording of format <see cref="Recording.ImageSetFormat"/>) for a detector. The
/// stored .npz holds the images at the size and colour planes chosen at upload; when a detector takes another
/// size or planes, the set is read again from the kept original archive with the detector's options, so any
/// set can train or be scored by any model. A recording holds one role: Normal = the set's training images
/// (an MVTec <c>train/</c> folder, or a flat set), Scoring = its test images.
/// </summary>
public sealed class ImageSetLoader(BlobStore blobs)
{
    /// <summary>The set as stored at upload.</summary>
    public ImageSet Load(Recording recording)
    {
        EnsureImageSet(recording);
        using var stream = blobs.OpenRead(recording.DataKey);
        return ImageSetArchive.Read(stream);
    }

    /// <summary>The set's images as <paramref name="settings"/>' detector reads them, in the stored order.</summary>
    public ImageSet LoadFor(Recording recording, ImageDetectorSettings settings, CancellationToken ct = default)
    {
        var stored = Load(recording);
        if (stored.Size == settings.Size && stored.Channels == settings.Channels)
            return stored;
        var role = RoleOf(recording);
        using var original = blobs.OpenRead(recording.OriginalKey);
        var reread = ImageSetReader.ReadZip(original, recording.FileName, ImageReadOptions.ForSet(settings, role), ct).Set;
        var items = reread.Items.Where(i => i.Role == role).ToList();
        if (items.Count != stored.Items.Count)
            throw new InvalidDataException($"Image set '{recording.FileName}' read again from its original gave {items.Count} images, not the {stored.Items.Count} stored at upload.");
        return reread with { Items = items };
    }

    /// <summary>Which of an uploaded set's images a recording holds.</summary>
    public static ImageRole RoleOf(Recording recording) =>
        recording.Purpose == RecordingPurpose.Normal ? ImageRole.Train : ImageRole.Test;

    private static void EnsureImageSet(Recording recording)
    {
        if (recording.Format != Recording.ImageSetFormat)
            throw new InvalidOperationException($"Recording {recording.Id} ('{recording.FileName}') is a {recording.Format} recording, not an image set.");
    }
}
