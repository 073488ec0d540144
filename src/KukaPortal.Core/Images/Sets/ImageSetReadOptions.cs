using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// How an image set is read, and every limit that protects the server from a hostile or mistaken upload.
/// The defaults take a full MVTec AD category (a few hundred to a few thousand images of up to ~5 MP).
/// </summary>
public sealed record ImageSetReadOptions
{
    /// <summary>The side S every image is fitted to.</summary>
    public int Size { get; init; } = 128;

    /// <summary>1 (grey) or 3 (RGB).</summary>
    public int Channels { get; init; } = 3;

    public ImageFit Fit { get; init; } = ImageFit.Pad;

    /// <summary>The role of every image of a set that is not in MVTec layout.</summary>
    public ImageRole FlatRole { get; init; } = ImageRole.Train;

    /// <summary>Most files (zip entries or folder files, folders included) a set may hold.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Most bytes all files may hold together (uncompressed): declared sizes are checked first, actual bytes while reading.</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>Largest uncompressed-to-compressed ratio of one zip entry. PNG and JPEG barely compress; zip bombs reach 1000× and more.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are exempt from the ratio check (a small all-black mask compresses very well).</summary>
    public long RatioCheckFloorBytes { get; init; } = 1 << 20;

    /// <summary>Largest width × height one image may declare; checked on its header before decoding.</summary>
    public long MaxImagePixels { get; init; } = 100_000_000;

    public static ImageSetReadOptions Default { get; } = new();

    internal ImageDecodeOptions Decoding => new() { Size = Size, Channels = Channels, Fit = Fit, MaxPixels = MaxImagePixels };

    /// <summary>The same limits in the form the shared zip vetting (<see cref="ZipRecordingArchive"/>) reads.</summary>
    internal ReadLimits ArchiveLimits => new()
    {
        MaxArchiveEntries = MaxEntries,
        MaxArchiveBytes = MaxTotalBytes,
        MaxCompressionRatio = MaxCompressionRatio,
        RatioCheckFloorBytes = RatioCheckFloorBytes,
    };
}
