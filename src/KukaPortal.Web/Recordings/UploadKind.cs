using System.IO.Compression;
using KukaPortal.Data.Storage;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// What kind of data a received file holds, looked at cheaply (magic bytes, a zip's entry names) before any reading,
/// so that an upload sent to the wrong kind of asset is refused with a sentence that says so instead of a parse error.
/// </summary>
public static class UploadKind
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp"];
    private static readonly string[] RecordingExtensions = [".csv", ".tsv", ".txt", ".npy", ".parquet"];

    public static bool IsZip(BlobStore blobs, UploadedFile file)
    {
        using var stream = blobs.OpenRead(file.Blob.Key);
        Span<byte> head = stackalloc byte[4];
        // A zip starts with its first entry, or (with no entry at all) with its end record.
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && (head.SequenceEqual("PK\u0003\u0004"u8) || head.SequenceEqual("PK\u0005\u0006"u8));
    }

    /// <summary>
    /// The first picture inside a zip that holds pictures and no recording file (the evidence that it is an image set), or
    /// null for anything else, unreadable zips included: a zip of recordings with a stray photo stays a zip of recordings.
    /// </summary>
    public static string? FirstImageEntry(BlobStore blobs, UploadedFile file)
    {
        if (!IsZip(blobs, file)) return null;
        try
        {
            using var stream = blobs.OpenRead(file.Blob.Key);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToArray();
            return names.Any(n => HasExtension(n, RecordingExtensions)) ? null : names.FirstOrDefault(n => HasExtension(n, ImageExtensions));
        }
        catch (InvalidDataException)
        {
            return null; // the recording validator reports a broken zip in its own words
        }
    }

    private static bool HasExtension(string name, string[] extensions) =>
        extensions.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase));
}
