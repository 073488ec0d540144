using System.Globalization;
using System.IO.Compression;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Opens an uploaded zip and vets it from its central directory before a single byte is inflated:
/// entry count, total size, per-entry compression ratio (zip bombs), names that escape the folder
/// (zip slip), absolute paths, symbolic links and nested archives. Folders, macOS metadata and dotfiles
/// are left out. The entries it hands out inflate through <see cref="InflateLimitStream"/>.
/// </summary>
internal sealed class ZipRecordingArchive : IDisposable
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    private readonly ZipArchive _archive;

    private ZipRecordingArchive(ZipArchive archive, IReadOnlyList<SourceFile> entries, IReadOnlyList<SkippedFile> skipped)
    {
        _archive = archive;
        Entries = entries;
        Skipped = skipped;
    }

    /// <summary>The entries to read, named by their path inside the archive.</summary>
    public IReadOnlyList<SourceFile> Entries { get; }

    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <param name="leaveOpen">Whether the caller keeps <paramref name="stream"/> (the image set reader hashes it too).</param>
    public static ZipRecordingArchive Open(Stream stream, string archiveName, ReadLimits limits, bool leaveOpen = false)
    {
        ZipArchive archive;
        try { archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen); }
        catch (InvalidDataException e)
        {
            if (!leaveOpen) stream.Dispose();
            throw new RecordingFormatException(RecordingErrorKind.Malformed, $"The zip archive cannot be read: {e.Message}");
        }

        try { return Vet(archive, archiveName, limits); }
        catch (InvalidDataException e)
        {
            // The central directory is read lazily: a damaged one shows only now.
            archive.Dispose();
            throw new RecordingFormatException(RecordingErrorKind.Malformed, $"The zip archive cannot be read: {e.Message}");
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static ZipRecordingArchive Vet(ZipArchive archive, string archiveName, ReadLimits limits)
    {
        if (archive.Entries.Count > limits.MaxArchiveEntries)
            throw TooLarge($"The archive lists {archive.Entries.Count:N0} entries, more than the limit of {limits.MaxArchiveEntries:N0}.");

        var entries = new List<SourceFile>();
        var skipped = new List<SkippedFile>();
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var path = ZipEntryName.Normalise(entry.FullName);
            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
                throw ZipEntryName.Refuse(entry.FullName, "is a symbolic link");
            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                throw ZipEntryName.Refuse(entry.FullName, "is itself a zip archive; nested archives are not imported");
            if (ZipEntryName.IgnoreReason(path) is { } reason)
            {
                if (reason != "a folder") skipped.Add(new SkippedFile($"{archiveName}/{path}", $"It is {reason}."));
                continue;
            }

            if (entry.Length >= limits.RatioCheckFloorBytes && entry.Length > limits.MaxCompressionRatio * entry.CompressedLength)
            {
                var ratio = entry.CompressedLength == 0 ? "endlessly" : Invariant($"{entry.Length / (double)entry.CompressedLength:N0} times");
                throw ZipEntryName.Refuse(entry.FullName, Invariant(
                    $"would inflate {ratio} (from {entry.CompressedLength:N0} to {entry.Length:N0} bytes), more than the limit of {limits.MaxCompressionRatio:N0}"));
            }
            total += entry.Length;
            if (total > limits.MaxArchiveBytes)
                throw TooLarge($"The archive would inflate to more than {limits.MaxArchiveBytes:N0} bytes, the limit.");

            var (declared, crc, name) = (entry.Length, entry.Crc32, entry.FullName);
            entries.Add(new SourceFile(path, () => new InflateLimitStream(entry.Open(), declared, crc, name), declared));
        }
        return new ZipRecordingArchive(archive, entries, skipped);
    }

    public void Dispose() => _archive.Dispose();

    private static RecordingFormatException TooLarge(FormattableString message) =>
        new(RecordingErrorKind.TooLarge, Invariant(message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
