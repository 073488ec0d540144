using System.Text.Json;
using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class DetectionMetricsTests
{
    [Fact]
    public void Gathers_every_metric_for_one_set()
    {
        var metrics = DetectionMetrics.Compute(MetricCases.DistinctScores, MetricCases.DistinctLabels, savedThreshold: 0.8);

        (metrics.Samples, metrics.Anomalous, metrics.Normal).ShouldBe((5, 2, 3));
        metrics.AveragePrecision.ShouldBe(5.0 / 6, 1e-12);
        metrics.RocAuc.ShouldBe(5.0 / 6, 1e-12);
        metrics.F1Max.ShouldBe(0.8, 1e-12);
        metrics.F1MaxThreshold.ShouldBe(0.7);
        // ≥ 0.8 catches 0.9 (anomalous) and 0.8 (normal): recall 1/2 at the saved threshold.
        metrics.AtThreshold!.Recall.ShouldBe(0.5);
        metrics.PrecisionRecallCurve.Count.ShouldBe(5);
        metrics.RocCurve.Count.ShouldBe(5);
    }

    [Fact]
    public void Leaves_threshold_metrics_out_without_a_saved_threshold() =>
        DetectionMetrics.Compute(MetricCases.DistinctScores, MetricCases.DistinctLabels).AtThreshold.ShouldBeNull();

    [Fact]
    public void Survives_a_json_round_trip()
    {
        var metrics = DetectionMetrics.Compute(MetricCases.TiedScores, MetricCases.TiedLabels, savedThreshold: 0.5);
        var json = JsonSerializer.Serialize(metrics);

        var back = JsonSerializer.Deserialize<DetectionMetrics>(json)!;

        JsonSerializer.Serialize(back).ShouldBe(json);
        back.AtThreshold!.Counts.ShouldBe(new ConfusionCounts(2, 2, 0, 1));
        back.PrecisionRecallCurve[1].ShouldBe(new PrPoint(0.5, 0.5, 2.0 / 3));
    }

    [Theory]
    [InlineData(false, "without anomalous samples")]
    [InlineData(true, "without normal samples")]
    public void Names_the_missing_class(bool label, string problem) =>
        Should.Throw<ArgumentException>(() => DetectionMetrics.Compute([0.1, 0.2], [label, label])).Message.ShouldContain(problem);

    [Fact]
    public void Names_empty_input() =>
        Should.Throw<ArgumentException>(() => DetectionMetrics.Compute([], [])).Message.ShouldContain("no scores");
}
