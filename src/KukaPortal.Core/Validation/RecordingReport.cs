using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Validation;

/// <summary>
/// What one file holds and whether it may be stored. Rows are counted from 1 (the first data row).
/// A file that could not be read has only <see cref="Source"/> and <see cref="Errors"/>.
/// </summary>
public sealed record RecordingReport
{
    /// <summary>The file or zip entry, e.g. <c>runs.zip/KukaSlow.npy</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The recording's name; null when the file could not be read.</summary>
    public string? Name { get; init; }

    public RecordingFormat? Format { get; init; }
    public RecordingRole Role { get; init; }

    /// <summary>True when nothing rejects the recording; warnings do not.</summary>
    public bool Accepted => Errors.Count == 0;

    public int Rows { get; init; }
    public int ChannelCount { get; init; }

    /// <summary>Sampling period, span and time-order problems; null without timestamps.</summary>
    public TimingReport? Timing { get; init; }

    public LabelReport? Labels { get; init; }

    /// <summary>Per channel, in the recording's order.</summary>
    public IReadOnlyList<ChannelReport> Channels { get; init; } = [];

    /// <summary>Channels whose finite values are all equal; they carry no information.</summary>
    public IReadOnlyList<string> ConstantChannels { get; init; } = [];

    /// <summary>How the recording's channels compare with the asset's, when an expected set was given.</summary>
    public ChannelSetReport? ChannelSet { get; init; }

    public MissingValueReport? MissingValues { get; init; }

    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    /// <summary>What the reader decided on the user's behalf (skipped columns, generated names, roles).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Timing from the timestamps. The period is the median of the positive steps between consecutive
/// rows; jitter is their median absolute deviation (robust) and their population standard deviation.
/// A step back in time counts as non-monotonic, a step of zero as a duplicate; each names its first row.
/// </summary>
public sealed record TimingReport(
    double? PeriodMedianSeconds,
    double? PeriodJitterMadSeconds,
    double? PeriodJitterStdSeconds,
    double SpanSeconds,
    int NonMonotonicSteps,
    long? FirstNonMonotonicRow,
    int DuplicateTimestamps,
    long? FirstDuplicateRow);

/// <summary>How many rows are labelled normal and how many anomalous.</summary>
public sealed record LabelReport(int Normal, int Anomalous);

/// <summary>
/// One channel: <see cref="Missing"/> counts NaN (empty cells and nulls are read as NaN),
/// <see cref="Infinite"/> counts ±∞, and the first row with either is named; min, max and mean are over
/// the finite values (null when there are none).
/// </summary>
public sealed record ChannelReport(string Name, int Missing, int Infinite, long? FirstNonFiniteRow, double? Min, double? Max, double? Mean, bool Constant);

/// <summary>The asset's channels this recording lacks, and the channels it has that the asset does not.</summary>
public sealed record ChannelSetReport(IReadOnlyList<string> Missing, IReadOnlyList<string> Extra)
{
    public bool Matches => Missing.Count == 0 && Extra.Count == 0;

    /// <summary>Compares by name; the order of the channels does not matter.</summary>
    public static ChannelSetReport Compare(IReadOnlyList<string> actual, IReadOnlyCollection<string> expected) =>
        new(expected.Except(actual, StringComparer.Ordinal).ToArray(), actual.Except(expected, StringComparer.Ordinal).ToArray());

    /// <summary>The mismatch in a sentence, e.g. "The channels differ from the asset's (missing: b; extra: c)."</summary>
    public string Describe(string reference)
    {
        var parts = new List<string>(2);
        if (Missing.Count > 0) parts.Add("missing: " + string.Join(", ", Missing));
        if (Extra.Count > 0) parts.Add("extra: " + string.Join(", ", Extra));
        return $"The channels differ from {reference} ({string.Join("; ", parts)}).";
    }
}

/// <summary>What the missing-value policy found and did (missing counts NaN and infinite values alike).</summary>
public sealed record MissingValueReport(MissingValuePolicy Policy, long MissingValues, int RowsWithMissing, int RowsDropped, long ValuesInterpolated);
