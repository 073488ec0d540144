using KukaPortal.Core.Series;

namespace KukaPortal.Core.Validation;

/// <summary>Applies the configured <see cref="MissingValuePolicy"/>, adding the errors or warnings it leads to.</summary>
internal static class MissingValuePolicies
{
    public static (MissingValueReport Report, TimeSeries Cleaned) Apply(TimeSeries series, ChannelReport[] channels, ValidationOptions options,
        List<ValidationIssue> errors, List<ValidationIssue> warnings)
    {
        var policy = options.MissingValues;
        var total = channels.Sum(c => (long)c.Missing + c.Infinite);
        if (total == 0) return (new MissingValueReport(policy, 0, 0, 0, 0), series);

        var incompleteRows = Enumerable.Range(0, series.Rows).Where(row => !MissingValues.IsComplete(series, row)).ToArray();
        var affected = channels.Where(c => c.Missing + c.Infinite > 0).ToArray();
        var text = PolicyName(policy);
        switch (policy)
        {
            case MissingValuePolicy.Interpolate:
                foreach (var channel in affected)
                {
                    var bad = channel.Missing + channel.Infinite;
                    var fraction = bad / (double)series.Rows;
                    if (fraction > options.MaxMissingFraction)
                        errors.Add(Issue(channel, "tooManyMissingValues", RecordingValidator.Text(
                            $"Channel '{channel.Name}' is {fraction:P1} missing or infinite, more than the {options.MaxMissingFraction:P1} the {text} policy may fill.")));
                    else if (channel.Min is null)
                        errors.Add(Issue(channel, "tooManyMissingValues", $"Channel '{channel.Name}' has no finite value to interpolate from."));
                    else
                        warnings.Add(Issue(channel, "missingValuesInterpolated", RecordingValidator.Text(
                            $"Channel '{channel.Name}': {RecordingValidator.Count(bad, "missing or infinite value", "missing or infinite values")} interpolated, the first at row {channel.FirstNonFiniteRow}.")));
                }
                return (new MissingValueReport(policy, total, incompleteRows.Length, 0, total), MissingValues.Interpolate(series));

            case MissingValuePolicy.DropRows:
                var dropped = incompleteRows.Length / (double)series.Rows;
                var firstRow = incompleteRows[0] + 1L;
                if (dropped > options.MaxMissingFraction)
                    errors.Add(new ValidationIssue("tooManyMissingValues", RecordingValidator.Text(
                        $"{incompleteRows.Length:N0} of {series.Rows:N0} rows ({dropped:P1}) have missing or infinite values, more than the {options.MaxMissingFraction:P1} the {text} policy may drop.")) { Row = firstRow });
                else if (incompleteRows.Length == series.Rows)
                    errors.Add(new ValidationIssue("tooManyMissingValues", "Every row has a missing or infinite value; no row would be left.") { Row = firstRow });
                else
                    warnings.Add(new ValidationIssue("rowsDropped", RecordingValidator.Text(
                        $"Dropped {RecordingValidator.Count(incompleteRows.Length, "row", "rows")} with missing or infinite values ({dropped:P1}), the first at row {firstRow}.")) { Row = firstRow });
                return (new MissingValueReport(policy, total, incompleteRows.Length, incompleteRows.Length, 0), MissingValues.DropRows(series));

            default:
                foreach (var channel in affected)
                    errors.Add(Issue(channel, "missingValues", RecordingValidator.Text(
                        $"Channel '{channel.Name}' has {RecordingValidator.Count(channel.Missing + channel.Infinite, "missing or infinite value", "missing or infinite values")}, the first at row {channel.FirstNonFiniteRow}; the missing-value policy is {text}.")));
                return (new MissingValueReport(policy, total, incompleteRows.Length, 0, 0), series);
        }
    }

    private static ValidationIssue Issue(ChannelReport channel, string code, string message) =>
        new(code, message) { Channel = channel.Name, Row = channel.FirstNonFiniteRow };

    private static string PolicyName(MissingValuePolicy policy) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(policy.ToString());
}
