using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class CurveTests
{
    [Fact]
    public void Precision_recall_curve_has_one_point_per_distinct_score()
    {
        var curve = PrecisionRecallCurve.Of(MetricCases.TiedScores, MetricCases.TiedLabels);

        curve.Select(p => p.Threshold).ShouldBe([0.8, 0.5, 0.2]);
        curve.Select(p => p.Precision).ShouldBe([1.0, 0.5, 0.6], 1e-12);
        curve.Select(p => p.Recall).ShouldBe([1.0 / 3, 2.0 / 3, 1.0], 1e-12);
    }

    [Fact]
    public void Roc_curve_ends_at_one_one()
    {
        var curve = RocCurve.Of(MetricCases.TiedScores, MetricCases.TiedLabels);

        curve.Select(p => p.FalsePositiveRate).ShouldBe([0.0, 1.0, 1.0], 1e-12);
        curve.Select(p => p.TruePositiveRate).ShouldBe([1.0 / 3, 2.0 / 3, 1.0], 1e-12);
    }
}
