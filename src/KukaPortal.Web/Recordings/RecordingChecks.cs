using KukaPortal.Core.Series;

namespace KukaPortal.Web.Recordings;

public static class RecordingChecks
{
    /// <summary>All recordings of an asset share one channel set, or a model trained on one could not score another.</summary>
    public static string? CompareChannels(IReadOnlyCollection<string> expected, TimeSeries series)
    {
        var missing = expected.Except(series.Channels).ToArray();
        var extra = series.Channels.Except(expected).ToArray();
        if (missing.Length == 0 && extra.Length == 0) return null;
        var parts = new List<string>();
        if (missing.Length > 0) parts.Add($"missing channels: {string.Join(", ", missing)}");
        if (extra.Length > 0) parts.Add($"extra channels: {string.Join(", ", extra)}");
        return $"The channels differ from the other recordings of this upload ({string.Join("; ", parts)}).";
    }
}
