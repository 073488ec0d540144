namespace KukaPortal.Core.Formats;

/// <summary>
/// Bounds that keep a hostile or mistaken upload from exhausting memory. Declared sizes are checked
/// before anything is allocated or inflated, and enforced again while reading, because headers can lie.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>Most values (rows × channels) one recording may decode to; 2^28 floats are 1 GiB.</summary>
    public long MaxValues { get; init; } = 1L << 28;

    /// <summary>Most entries a zip may list in its central directory (folders included).</summary>
    public int MaxArchiveEntries { get; init; } = 1000;

    /// <summary>Most bytes all entries of a zip may inflate to together.</summary>
    public long MaxArchiveBytes { get; init; } = 4L << 30;

    /// <summary>
    /// Largest uncompressed-to-compressed ratio of one entry. Numeric recordings compress 3–20×;
    /// zip bombs reach 1000× and more. Entries under <see cref="RatioCheckFloorBytes"/> are exempt.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this cannot hurt however well they compress (a file of zeros).</summary>
    public long RatioCheckFloorBytes { get; init; } = 1 << 20;

    public static ReadLimits Default { get; } = new();
}
