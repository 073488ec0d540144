using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// The layout of the KUKA data set (paper 000): <c>KukaNormal.npy</c> holds normal operation and
/// <c>KukaSlow.npy</c> the robot run slowly, which is anomalous throughout; <c>KukaColumnNames.npy</c>
/// names the 86 channels of both. Recognised by stem, whatever the format or folder.
/// </summary>
internal static class KukaLayout
{
    public const string NormalStem = "KukaNormal";
    public const string SlowStem = "KukaSlow";

    public static (RecordingRole Role, TimeSeries Series, string? Note) Apply(string stem, TimeSeries series)
    {
        var anomalous = stem.Equals(SlowStem, StringComparison.OrdinalIgnoreCase);
        if (!anomalous && !stem.Equals(NormalStem, StringComparison.OrdinalIgnoreCase))
            return (RecordingRole.Unspecified, series, null);
        if (series.Labels is not null)
            return (anomalous ? RecordingRole.Abnormal : RecordingRole.Normal, series, null);

        var labels = new bool[series.Rows];
        if (anomalous) Array.Fill(labels, true);
        var labelled = new TimeSeries(series.Channels, series.Values, series.Timestamps, labels);
        return anomalous
            ? (RecordingRole.Abnormal, labelled, "KUKA layout: the slow run is abnormal, so every row is labelled anomalous.")
            : (RecordingRole.Normal, labelled, "KUKA layout: normal operation, so every row is labelled normal.");
    }
}
