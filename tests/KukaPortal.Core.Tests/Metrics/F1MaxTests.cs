using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class F1MaxTests
{
    [Fact]
    public void Finds_the_best_f1_and_its_threshold()
    {
        // F1 by threshold: 0.9 → 2·1·½/1.5 = 2/3; 0.8 → ½; 0.7 → 0.8; 0.6 → 2/3; 0.5 → 2·0.4/1.4 = 4/7
        F1Max.Of(MetricCases.DistinctScores, MetricCases.DistinctLabels).ShouldBe(new F1MaxResult(0.8, 0.7), new F1Comparer());
    }

    [Fact]
    public void Moves_tied_scores_together()
    {
        // 0.8 → P 1, R 1/3, F1 ½;  0.5 → P ½, R 2/3, F1 4/7;  0.2 → P 3/5, R 1, F1 2·0.6/1.6 = 0.75
        F1Max.Of(MetricCases.TiedScores, MetricCases.TiedLabels).ShouldBe(new F1MaxResult(0.75, 0.2), new F1Comparer());
    }

    [Fact]
    public void Prefers_the_higher_threshold_when_f1_ties()
    {
        // 0.9 → P 1, R ½, F1 2/3;  0.5 → P ½, R 1, F1 2/3: same F1, fewer alarms at 0.9.
        F1Max.Of([0.9, 0.5, 0.5, 0.5], [true, true, false, false]).Threshold.ShouldBe(0.9);
    }

    [Fact]
    public void Is_undefined_without_anomalous_samples() =>
        Should.Throw<ArgumentException>(() => F1Max.Of([0.1], [false]));

    private sealed class F1Comparer : IEqualityComparer<F1MaxResult>
    {
        public bool Equals(F1MaxResult a, F1MaxResult b) => Math.Abs(a.F1 - b.F1) < 1e-12 && a.Threshold == b.Threshold;
        public int GetHashCode(F1MaxResult result) => 0;
    }
}
