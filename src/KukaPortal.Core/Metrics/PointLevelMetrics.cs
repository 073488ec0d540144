using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Metrics;

/// <summary>Detection metrics per sample, and how many samples were left out because no window covers them.</summary>
public sealed record PointLevelResult(DetectionMetrics Metrics, int ExcludedSamples);

/// <summary>
/// Metrics per sample rather than per window, with sample scores from
/// <see cref="PointScoreMapping.FirstCompletedWindow"/>. Same rules for undefined cases as
/// <see cref="DetectionMetrics.Compute"/>: the covered samples must hold both classes.
/// </summary>
public static class PointLevelMetrics
{
    public static PointLevelResult Compute(IReadOnlyList<WindowSpan> windows, IReadOnlyList<double> windowScores,
        IReadOnlyList<bool> sampleLabels, double? savedThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(sampleLabels);
        var points = PointScoreMapping.FirstCompletedWindow(windows, windowScores, sampleLabels.Count);
        var labels = points.Rows.Select(r => sampleLabels[r]).ToArray();
        return new PointLevelResult(DetectionMetrics.Compute(points.Scores, labels, savedThreshold), points.UncoveredRows);
    }
}
