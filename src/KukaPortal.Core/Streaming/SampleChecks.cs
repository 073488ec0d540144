using System.Globalization;

namespace KukaPortal.Core.Streaming;

/// <summary>
/// Checks a chunk of incoming samples against what the stream expects and reorders its columns to the
/// expected channel order. Every problem is one sentence naming the row or column, for the sender.
/// </summary>
public static class SampleChecks
{
    /// <summary>The accepted samples, or the first problem found.</summary>
    public static (AcceptedSamples? Samples, string? Problem) Check(
        IncomingSamples incoming, IReadOnlyList<string> expectedChannels, double? lastTimestamp, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(expectedChannels);
        var rows = incoming.Timestamps.Count;
        if (rows == 0) return Fail("The chunk holds no rows.");
        if (rows > maxRows) return Fail($"The chunk holds {rows} rows; at most {maxRows} are accepted per request.");
        if (incoming.Rows.Count != rows) return Fail($"The chunk has {rows} timestamps but {incoming.Rows.Count} rows of values.");

        if (ChannelProblem(incoming.Channels, expectedChannels) is { } channelProblem) return Fail(channelProblem);
        var width = expectedChannels.Count;
        var source = expectedChannels.Select(name => IndexOf(incoming.Channels, name)).ToArray();

        var values = new float[rows * width];
        var timestamps = new double[rows];
        var previous = lastTimestamp;
        for (var row = 0; row < rows; row++)
        {
            var time = incoming.Timestamps[row];
            if (!double.IsFinite(time)) return Fail($"Row {row}: the timestamp is not a finite number.");
            if (previous is { } p && time <= p)
            {
                return Fail(row == 0 && lastTimestamp is not null
                    ? $"Row 0: timestamp {Format(time)} is not after the last accepted sample ({Format(p)}); send only new samples."
                    : $"Row {row}: timestamp {Format(time)} is not after the previous row's ({Format(p)}); timestamps must increase strictly.");
            }
            previous = time;
            timestamps[row] = time;

            var sentRow = incoming.Rows[row];
            if (sentRow.Length != incoming.Channels.Count)
                return Fail($"Row {row} has {sentRow.Length} values for {incoming.Channels.Count} channels.");
            for (var c = 0; c < width; c++)
            {
                var value = (float)sentRow[source[c]];
                if (!float.IsFinite(value))
                    return Fail($"Row {row}, column '{expectedChannels[c]}': {Format(sentRow[source[c]])} is not a finite number (or is too large).");
                values[row * width + c] = value;
            }
        }
        return (new AcceptedSamples(values, timestamps), null);
    }

    private static string? ChannelProblem(IReadOnlyList<string> sent, IReadOnlyList<string> expected)
    {
        var duplicate = sent.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return $"Column '{duplicate.Key}' is sent twice.";
        var missing = expected.Where(n => !sent.Contains(n, StringComparer.Ordinal)).ToArray();
        var extra = sent.Where(n => !expected.Contains(n, StringComparer.Ordinal)).ToArray();
        if (missing.Length == 0 && extra.Length == 0) return null;
        var parts = new List<string>();
        if (missing.Length > 0) parts.Add($"missing {List(missing)}");
        if (extra.Length > 0) parts.Add($"unknown {List(extra)}");
        return $"The channels do not match the asset's model ({expected.Count} channels): {string.Join("; ", parts)}.";
    }

    private static string List(string[] names) =>
        string.Join(", ", names.Take(5).Select(n => $"'{n}'")) + (names.Length > 5 ? $" and {names.Length - 5} more" : "");

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static (AcceptedSamples?, string?) Fail(string problem) => (null, problem);
}
