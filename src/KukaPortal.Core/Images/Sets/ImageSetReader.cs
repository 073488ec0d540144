using System.Globalization;
using System.Security.Cryptography;
using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// Imports an image set from a zip or a folder, in MVTec AD layout or flat (see <see cref="ImageSetLayout"/>).
/// Refused as a whole (<see cref="ImageSetException"/>): unsafe archives (zip slip, absolute paths, links,
/// nested archives, bombs by entry count, total size or compression ratio), images declaring more pixels
/// than the limit, and sets without images. Left out and listed (<see cref="ImageSetImport.Skipped"/>):
/// files that are not PNG/JPEG/BMP or cannot be decoded, masks without an image, unreadable masks, files
/// outside the layout. Nothing is returned half: the set comes back whole or not at all.
/// </summary>
public static class ImageSetReader
{
    private static ReadOnlySpan<byte> ZipMagic => "PK\u0003\u0004"u8;

    /// <summary>Reads a zip: the whole of <paramref name="archive"/>, which stays open (the caller keeps the original).</summary>
    public static ImageSetImport ReadZip(Stream archive, string archiveName, ImageSetReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ImageSetReadOptions.Default;
        options.Decoding.Validate();
        var seekable = archive.CanSeek ? archive : Buffer(archive, options.MaxTotalBytes);
        try
        {
            seekable.Position = 0;
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(seekable));
            seekable.Position = 0;
            using var zip = Vet(() => ZipRecordingArchive.Open(seekable, archiveName, options.ArchiveLimits, leaveOpen: true));
            // The shared vetting names skips "archive.zip/path"; an image set names every file by its path in the set.
            var skipped = zip.Skipped.Select(s => s with { SourceName = s.SourceName[(archiveName.Length + 1)..] }).ToList();
            var set = Vet(() => Read(zip.Entries, skipped, options, cancellationToken));
            return set with { Sha256 = sha256 };
        }
        finally
        {
            if (!ReferenceEquals(seekable, archive)) seekable.Dispose();
        }
    }

    /// <summary>Reads a folder and everything below it.</summary>
    public static ImageSetImport ReadFolder(string folder, ImageSetReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ImageSetReadOptions.Default;
        options.Decoding.Validate();
        var (files, skipped) = ImageFolderFiles.List(folder, options);
        return Read(files, skipped, options, cancellationToken);
    }

    private static ImageSetImport Read(IReadOnlyList<SourceFile> files, List<SkippedFile> skipped, ImageSetReadOptions options, CancellationToken cancellationToken)
    {
        var byPath = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var plan = ImageSetPlan.For(files.Select(f => f.Name).ToArray(), options.FlatRole);
        skipped.AddRange(plan.Skipped);
        var reading = new ImageSetReading(options.Decoding, options.MaxTotalBytes);
        var items = new List<ImageSetItem>();
        foreach (var candidate in plan.Images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reading.Item(candidate, byPath) is { } item) items.Add(item);
        }
        skipped.AddRange(reading.Skipped);

        var errors = reading.Errors.ToList();
        if (items.Count == 0)
            errors.Add(Invariant($"The set holds no readable image ({skipped.Count:N0} file(s) left out); PNG, JPEG and BMP are read."));
        else if (plan.Layout == ImageSetLayout.Mvtec && !items.Any(i => i.Role == ImageRole.Train))
            errors.Add("The set is in MVTec AD layout but has no defect-free training images in train/good/.");
        if (errors.Count > 0) throw new ImageSetException(errors);

        var ordered = items.OrderBy(i => i.Role).ThenBy(i => i.Label, StringComparer.Ordinal).ThenBy(i => i.Path, StringComparer.Ordinal).ToArray();
        return new ImageSetImport(new ImageSet(ordered, options.Size, options.Channels, plan.Layout), skipped, null);
    }

    /// <summary>Zip vetting reports through the recording readers' exception; an image set reports its own.</summary>
    private static T Vet<T>(Func<T> read)
    {
        try { return read(); }
        catch (RecordingFormatException e) { throw new ImageSetException(e.Message); }
    }

    /// <summary>A forward-only upload is held in memory (bounded) so that it can be hashed and its central directory read.</summary>
    private static MemoryStream Buffer(Stream stream, long limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int got;
        while ((got = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + got > limit)
                throw new ImageSetException(Invariant($"The upload is larger than {limit:N0} bytes, the limit."));
            buffer.Write(chunk, 0, got);
        }
        buffer.Position = 0;
        return buffer;
    }

    internal static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith(ZipMagic);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
