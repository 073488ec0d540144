using KukaPortal.Core.Metrics;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Ml.Tests;

/// <summary>How well a detector ranks windows that overlap an obvious injected spike above the rest.</summary>
internal static class SpikeDetection
{
    /// <summary>AP of the detector's non-overlapping window scores on a fresh normal series with a spike in one channel.</summary>
    public static double AveragePrecisionOn(Detector detector, CancellationToken ct)
    {
        const int start = 600, length = 12;
        var test = SyntheticSeries.WithSpike(SyntheticSeries.Normal(1200, seed: 77), channel: 1, start, length);
        var scores = detector.ScoreBatches(test, ct: ct).SelectMany(b => b).ToList();
        var labels = scores.Select(s => s.StartRow < start + length && s.EndRow > start).ToList();
        return AveragePrecision.Of(scores.Select(s => s.Score).ToList(), labels);
    }
}
