using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class AveragePrecisionTests
{
    [Fact]
    public void Sums_recall_steps_times_precision_over_distinct_scores()
    {
        // threshold 0.9: TP1 FP0 → P 1,   R 1/2
        //           0.8: TP1 FP1 → P 1/2, R 1/2
        //           0.7: TP2 FP1 → P 2/3, R 1
        //           0.6, 0.5: R stays 1
        // AP = (1/2 − 0)·1 + 0 + (1 − 1/2)·2/3 + 0 + 0 = 1/2 + 1/3 = 5/6
        AveragePrecision.Of(MetricCases.DistinctScores, MetricCases.DistinctLabels).ShouldBe(5.0 / 6, 1e-12);
    }

    [Fact]
    public void Treats_tied_scores_as_one_step()
    {
        // threshold 0.8: TP1 FP0 → P 1,   R 1/3
        //           0.5: TP2 FP2 → P 1/2, R 2/3  (the tied three enter together)
        //           0.2: TP3 FP2 → P 3/5, R 1
        // AP = 1/3·1 + 1/3·1/2 + 1/3·3/5 = (1 + 0.5 + 0.6)/3 = 0.7
        // Ranking the tied anomaly first instead would give 1/3 + 1/3 + 1/3·3/5 = 0.8667.
        AveragePrecision.Of(MetricCases.TiedScores, MetricCases.TiedLabels).ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void Is_one_for_a_perfect_ranking() =>
        AveragePrecision.Of([0.9, 0.8, 0.2, 0.1], [true, true, false, false]).ShouldBe(1.0, 1e-12);

    [Fact]
    public void Is_low_for_an_inverted_ranking()
    {
        // 0.9: TP0 FP1 → P 0, R 0;  0.8: TP0 FP2 → P 0, R 0
        // 0.2: TP1 FP2 → P 1/3, R 1/2;  0.1: TP2 FP2 → P 1/2, R 1
        // AP = 1/2·1/3 + 1/2·1/2 = 5/12
        AveragePrecision.Of([0.1, 0.2, 0.8, 0.9], [true, true, false, false]).ShouldBe(5.0 / 12, 1e-12);
    }

    [Fact]
    public void Is_one_when_every_sample_is_anomalous() =>
        AveragePrecision.Of([0.3, 0.1], [true, true]).ShouldBe(1.0);

    [Fact]
    public void Is_undefined_without_anomalous_samples() =>
        Should.Throw<ArgumentException>(() => AveragePrecision.Of([0.3, 0.1], [false, false]))
            .Message.ShouldContain("without anomalous samples");
}
