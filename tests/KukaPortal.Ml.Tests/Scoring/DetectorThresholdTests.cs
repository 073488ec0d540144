using KukaPortal.Core.Thresholds;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Scoring;
using Shouldly;

namespace KukaPortal.Ml.Tests.Scoring;

public sealed class DetectorThresholdTests(TrainedDetectorFixture fixture) : IClassFixture<TrainedDetectorFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kpm-threshold-tests-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void An_applied_threshold_recalibrates_scores_and_is_saved_with_the_model()
    {
        // A copy, so the shared fixture keeps its own threshold for the other tests.
        var original = Path.Combine(folder, "original.kpm");
        fixture.Detector.Save(original);
        using var detector = Detector.Load(original);
        var series = SyntheticSeries.Normal(400, seed: 5);
        var scores = detector.ScoreBatches(series, ct: Ct).SelectMany(b => b).ToList();
        var chosen = scores[3].Score;

        detector.ApplyThreshold(new ThresholdChoice(chosen, "f1max"));

        detector.Threshold.ShouldBe(chosen);
        detector.Metadata.Threshold.ShouldBe(new ThresholdMetadata(chosen, "f1max"));
        var rescored = detector.ScoreBatches(series, ct: Ct).SelectMany(b => b).ToList();
        rescored.Select(s => s.Score).ShouldBe(scores.Select(s => s.Score));
        rescored[3].Calibrated.ShouldBe(1.0);
        rescored.ShouldAllBe(s => s.Calibrated == s.Score / chosen);

        var saved = Path.Combine(folder, "f1max.kpm");
        detector.Save(saved);
        using var loaded = Detector.Load(saved);
        loaded.Metadata.Threshold.ShouldBe(new ThresholdMetadata(chosen, "f1max"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void A_threshold_that_is_not_a_finite_non_negative_score_is_refused(double value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => fixture.Detector.ApplyThreshold(new ThresholdChoice(value, "quantile:0.5")));
        fixture.Detector.Metadata.Threshold.Strategy.ShouldBe("quantile:0.99");
    }
}
