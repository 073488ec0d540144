namespace KukaPortal.Core.Formats;

/// <summary>What a file is: magic bytes first (they cannot be renamed away), then the extension.</summary>
internal static class FormatDetector
{
    public enum Kind { Unknown, Csv, Npy, Parquet, Zip }

    public static Kind Detect(ReadOnlySpan<byte> head, string name)
    {
        if (head.StartsWith(NpyHeader.Magic)) return Kind.Npy;
        if (head.StartsWith("PAR1"u8)) return Kind.Parquet;
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return Kind.Zip;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" or ".tsv" => Kind.Csv,
            ".npy" => Kind.Npy,
            ".parquet" or ".pq" => Kind.Parquet,
            ".zip" => Kind.Zip,
            _ => Kind.Unknown,
        };
    }
}
