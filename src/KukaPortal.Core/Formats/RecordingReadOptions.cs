namespace KukaPortal.Core.Formats;

/// <summary>
/// How to turn columns into channels, time and labels. CSV and Parquet files also recognise the
/// conventional names below; NPY columns (named by a companion file) are all channels unless named here.
/// </summary>
public sealed record RecordingReadOptions
{
    /// <summary>CSV field separator; null detects ',', ';' or tab from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Column holding the time (ISO 8601 or numeric seconds); null takes a column with a conventional name if present.</summary>
    public string? TimestampColumn { get; init; }

    /// <summary>Column holding the 0/1 or true/false anomaly label; null takes a column with a conventional name if present.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Columns that are neither channels nor time nor label (case-insensitive); each must exist.</summary>
    public IReadOnlySet<string> ExcludeColumns { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] TimestampNames = ["timestamp", "time", "t"];
    public static readonly string[] LabelNames = ["label", "anomaly", "is_anomaly"];
}
