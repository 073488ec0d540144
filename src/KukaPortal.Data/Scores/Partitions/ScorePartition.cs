using System.Globalization;

namespace KukaPortal.Data.Scores.Partitions;

/// <summary>
/// One UTC day of window_scores: the partition <c>window_scores_yyyyMMdd</c> holding [day 00:00Z, next day 00:00Z).
/// </summary>
public readonly record struct ScorePartition(DateOnly Day)
{
    public const string Parent = "window_scores";
    private const string Prefix = Parent + "_";
    private const string DayFormat = "yyyyMMdd";

    public static ScorePartition Of(DateTimeOffset at) => new(DateOnly.FromDateTime(at.UtcDateTime));

    public string Name => Prefix + Day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public DateTimeOffset From => new(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset To => From.AddDays(1);

    /// <summary>Null for a table that is not a day partition (a name this code did not make).</summary>
    public static ScorePartition? TryParse(string table) =>
        table.StartsWith(Prefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(table[Prefix.Length..], DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new ScorePartition(day)
            : null;

    /// <summary>
    /// The DDL; names and bounds come from a DateOnly, never from input, so formatting them in is safe.
    /// Without a DEFAULT partition on purpose: PostgreSQL refuses to create a day partition while a default
    /// partition holds rows of that day, so one stray row would block every later day. A row with no
    /// partition fails loudly instead, and the maintainer creates partitions before every COPY.
    /// </summary>
    public string CreateSql() => string.Create(CultureInfo.InvariantCulture,
        $"CREATE TABLE IF NOT EXISTS {Name} PARTITION OF {Parent} FOR VALUES FROM ('{From:yyyy-MM-dd}T00:00:00Z') TO ('{To:yyyy-MM-dd}T00:00:00Z')");

    /// <summary>Serialises creating and dropping partitions across processes (two writers racing to create a day).</summary>
    public const long DdlLockKey = 0x4B554B41_53434F52; // "KUKASCOR"
}
