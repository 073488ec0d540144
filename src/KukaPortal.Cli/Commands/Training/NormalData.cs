using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>Joins the --normal recordings into the one series the trainer takes.</summary>
internal static class NormalData
{
    /// <summary>
    /// Rows of every recording, one after the other. The channels must match exactly (names and order):
    /// the scaler and the model's input layer are per channel position. Timestamps and labels are dropped,
    /// since each file's clock restarts and the trainer reads only values; the few training windows that
    /// straddle a seam between files are accepted as noise.
    /// </summary>
    public static TimeSeries Concatenate(IReadOnlyList<ParsedRecording> recordings)
    {
        var first = recordings[0];
        foreach (var other in recordings.Skip(1))
            if (!other.Series.Channels.SequenceEqual(first.Series.Channels, StringComparer.Ordinal))
                throw CommandFailure.Usage(Mismatch(first, other));
        if (recordings.Count == 1)
            return first.Series;

        var values = new float[recordings.Sum(r => r.Series.Values.Length)];
        var offset = 0;
        foreach (var recording in recordings)
        {
            recording.Series.Values.CopyTo(values, offset);
            offset += recording.Series.Values.Length;
        }
        return new TimeSeries(first.Series.Channels, values);
    }

    private static string Mismatch(ParsedRecording first, ParsedRecording other)
    {
        var missing = first.Series.Channels.Except(other.Series.Channels).ToList();
        var extra = other.Series.Channels.Except(first.Series.Channels).ToList();
        var prefix = $"The --normal recordings must have the same channels: {other.SourceName} differs from {first.SourceName}";
        if (missing.Count == 0 && extra.Count == 0)
            return $"{prefix} in the order of its channels.";
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"it lacks {string.Join(", ", missing)}");
        if (extra.Count > 0) parts.Add($"it adds {string.Join(", ", extra)}");
        return $"{prefix}: {string.Join("; ", parts)}.";
    }
}
