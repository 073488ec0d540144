namespace KukaPortal.Core.Formats;

public sealed record CsvReadOptions
{
    /// <summary>Field separator; null detects ',', ';' or tab from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Column holding the time (ISO 8601 or numeric seconds); null takes a column named time/timestamp if present.</summary>
    public string? TimestampColumn { get; init; }

    /// <summary>Column holding the 0/1 or true/false anomaly label; null takes a column named label/anomaly if present.</summary>
    public string? LabelColumn { get; init; }

    public IReadOnlySet<string> ExcludeColumns { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] TimestampNames = ["timestamp", "time", "t"];
    public static readonly string[] LabelNames = ["label", "anomaly", "is_anomaly"];
}
