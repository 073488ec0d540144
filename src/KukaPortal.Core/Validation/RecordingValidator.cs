using System.Globalization;
using System.Text.Json;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Validation;

/// <summary>
/// Decides, before anything is stored, whether a recording is fit to train or score on, and says why in
/// a <see cref="RecordingReport"/>: errors reject it (unreadable file, another channel set than the
/// asset's, missing values the policy may not repair); warnings only inform (constant channels, repaired
/// gaps, timestamps out of order).
/// </summary>
public static class RecordingValidator
{
    /// <summary>Reads every file of an upload and validates each recording; files that could not be read get a rejecting report.</summary>
    public static async Task<ValidatedBatch> ValidateAsync(IReadOnlyList<SourceFile> files, RecordingReadOptions? readOptions = null,
        ReadLimits? limits = null, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var batch = await RecordingFileReader.ReadEachAsync(files, readOptions, limits, cancellationToken);
        var validated = batch.Recordings.Select(r => Validate(r, options))
            .Concat(batch.Failures.Select(f => new ValidatedRecording(Rejected(f), null, null)))
            .ToArray();
        return new ValidatedBatch(validated, batch.Skipped);
    }

    /// <summary>The report for a file the readers refused, carrying the reader's error with its location.</summary>
    public static RecordingReport Rejected(RecordingFailure failure) => new()
    {
        Source = failure.SourceName,
        Errors =
        [
            new ValidationIssue(JsonNamingPolicy.CamelCase.ConvertName(failure.Error.Kind.ToString()), failure.Error.Message)
            {
                Line = failure.Error.Line,
                Column = failure.Error.Column,
            },
        ],
    };

    /// <summary>Reports on one decoded recording and, when nothing rejects it, applies the missing-value policy.</summary>
    public static ValidatedRecording Validate(ParsedRecording recording, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var series = recording.Series;
        var errors = new List<ValidationIssue>();
        var warnings = new List<ValidationIssue>();

        var channels = ChannelStatistics.Compute(series);
        var constant = series.Rows > 1 ? channels.Where(c => c.Constant).ToArray() : [];
        foreach (var channel in constant)
            warnings.Add(new ValidationIssue("constantChannel", Text($"Channel '{channel.Name}' is constant ({(float?)channel.Min}); it carries no information.")) { Channel = channel.Name });

        var timing = series.Timestamps is { } times ? TimingStatistics.Compute(times) : null;
        if (timing is { NonMonotonicSteps: > 0 })
            warnings.Add(new ValidationIssue("nonMonotonicTimestamps", Text($"{Count(timing.NonMonotonicSteps, "timestamp goes", "timestamps go")} back in time, the first at row {timing.FirstNonMonotonicRow}.")) { Row = timing.FirstNonMonotonicRow });
        if (timing is { DuplicateTimestamps: > 0 })
            warnings.Add(new ValidationIssue("duplicateTimestamps", Text($"{Count(timing.DuplicateTimestamps, "timestamp equals", "timestamps equal")} the one before, the first at row {timing.FirstDuplicateRow}.")) { Row = timing.FirstDuplicateRow });

        var channelSet = options.ExpectedChannels is { } expected ? ChannelSetReport.Compare(series.Channels, expected) : null;
        if (channelSet is { Matches: false })
            errors.Add(new ValidationIssue("channelSetMismatch", channelSet.Describe("the asset's")));

        var (missing, cleaned) = MissingValuePolicies.Apply(series, channels, options, errors, warnings);

        var report = new RecordingReport
        {
            Source = recording.SourceName,
            Name = recording.Name,
            Format = recording.Format,
            Role = recording.Role,
            Rows = series.Rows,
            ChannelCount = series.ChannelCount,
            Timing = timing,
            Labels = series.Labels is { } labels ? new LabelReport(labels.Count(l => !l), labels.Count(l => l)) : null,
            Channels = channels,
            ConstantChannels = constant.Select(c => c.Name).ToArray(),
            ChannelSet = channelSet,
            MissingValues = missing,
            Errors = errors,
            Warnings = warnings,
            Notes = recording.Notes,
        };
        return new ValidatedRecording(report, recording, errors.Count == 0 ? cleaned : null);
    }

    internal static string Count(long count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
