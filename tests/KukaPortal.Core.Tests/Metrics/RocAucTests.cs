using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class RocAucTests
{
    [Fact]
    public void Equals_the_share_of_anomaly_normal_pairs_ranked_right()
    {
        // Anomalies 0.9, 0.7; normals 0.8, 0.6, 0.5. 0.9 beats all 3 normals, 0.7 beats 2: 5 of 6 pairs.
        // Trapezoids through (0,1/2) (1/3,1/2) (1/3,1) (2/3,1) (1,1): 0 + 1/6 + 0 + 1/3 + 1/3 = 5/6.
        RocAuc.Of(MetricCases.DistinctScores, MetricCases.DistinctLabels).ShouldBe(5.0 / 6, 1e-12);
    }

    [Fact]
    public void Counts_tied_pairs_as_half()
    {
        // Anomalies 0.8, 0.5, 0.2; normals 0.5, 0.5. Pairs: 0.8 wins 2, 0.5 ties 2 (= 1), 0.2 wins 0 → 3 of 6.
        // Trapezoids through (0,1/3) (1,2/3) (1,1): 0 + 1·(1/3 + 2/3)/2 + 0 = 1/2.
        RocAuc.Of(MetricCases.TiedScores, MetricCases.TiedLabels).ShouldBe(0.5, 1e-12);
    }

    [Theory]
    [InlineData(new[] { 0.9, 0.8, 0.2, 0.1 }, 1.0)]
    [InlineData(new[] { 0.1, 0.2, 0.8, 0.9 }, 0.0)]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, 0.5)]
    public void Is_one_for_perfect_zero_for_inverted_and_a_half_for_constant_scores(double[] scores, double expected) =>
        RocAuc.Of(scores, [true, true, false, false]).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData(false, "without anomalous samples")]
    [InlineData(true, "without normal samples")]
    public void Is_undefined_with_one_class(bool label, string problem) =>
        Should.Throw<ArgumentException>(() => RocAuc.Of([0.2, 0.4], [label, label])).Message.ShouldContain(problem);
}
