using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class ThresholdMetricsTests
{
    [Fact]
    public void Calls_scores_at_or_above_the_threshold_anomalous()
    {
        // ≥ 0.7: 0.9 (anomalous), 0.8 (normal), 0.7 (anomalous) → TP 2, FP 1; below: 0.6, 0.5 normal → TN 2, FN 0.
        // P = 2/3, R = 1, F1 = 2·(2/3)·1 / (5/3) = 0.8
        var metrics = ThresholdMetrics.At(MetricCases.DistinctScores, MetricCases.DistinctLabels, 0.7);

        metrics.Counts.ShouldBe(new ConfusionCounts(TruePositives: 2, FalsePositives: 1, TrueNegatives: 2, FalseNegatives: 0));
        metrics.Precision.ShouldBe(2.0 / 3, 1e-12);
        metrics.Recall.ShouldBe(1.0);
        metrics.F1.ShouldBe(0.8, 1e-12);
    }

    [Fact]
    public void Reports_zero_for_zero_over_zero()
    {
        var metrics = ThresholdMetrics.At(MetricCases.DistinctScores, MetricCases.DistinctLabels, 1.0);

        metrics.Counts.ShouldBe(new ConfusionCounts(0, 0, 3, 2));
        (metrics.Precision, metrics.Recall, metrics.F1).ShouldBe((0.0, 0.0, 0.0));
    }

    [Fact]
    public void Rejects_empty_mismatched_and_non_finite_inputs()
    {
        Should.Throw<ArgumentException>(() => ConfusionCounts.At([], [], 0.5)).Message.ShouldContain("no scores");
        Should.Throw<ArgumentException>(() => ConfusionCounts.At([0.1, 0.2], [true], 0.5)).Message.ShouldContain("2 scores but 1 labels");
        Should.Throw<ArgumentException>(() => ConfusionCounts.At([0.1, double.NaN], [true, false], 0.5)).Message.ShouldContain("index 1");
    }
}
