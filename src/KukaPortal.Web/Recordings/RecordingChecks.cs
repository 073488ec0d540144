using KukaPortal.Core.Series;

namespace KukaPortal.Web.Recordings;

/// <summary>Checks an upload must pass before it is stored.</summary>
public static class RecordingChecks
{
    /// <summary>
    /// Models cannot learn from or score a gap. Until configurable missing-value policies exist
    /// (interpolate / drop rows), a recording must be complete; the first gap is named.
    /// </summary>
    public static string? FindMissingValue(TimeSeries series)
    {
        var index = Array.FindIndex(series.Values, v => !float.IsFinite(v));
        if (index < 0) return null;
        var row = index / series.ChannelCount;
        return $"Data row {row + 1}, channel '{series.Channels[index % series.ChannelCount]}': the value is missing or not a finite number; recordings must be complete.";
    }

    /// <summary>All recordings of an asset share one channel set, or a model trained on one could not score another.</summary>
    public static string? CompareChannels(IReadOnlyCollection<string> expected, TimeSeries series)
    {
        var missing = expected.Except(series.Channels).ToArray();
        var extra = series.Channels.Except(expected).ToArray();
        if (missing.Length == 0 && extra.Length == 0) return null;
        var parts = new List<string>();
        if (missing.Length > 0) parts.Add($"missing channels: {string.Join(", ", missing)}");
        if (extra.Length > 0) parts.Add($"extra channels: {string.Join(", ", extra)}");
        return $"The channels differ from this asset's recordings ({string.Join("; ", parts)}).";
    }
}
