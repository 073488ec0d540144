using KukaPortal.Core.Metrics;
using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Tests.Metrics;

public class PointScoreMappingTests
{
    // Length 4, stride 2 over 10 rows: rows [0,4) [2,6) [4,8); rows 8 and 9 are in no window.
    private static readonly WindowSpan[] Overlapping = [new(0, 0, 4), new(1, 2, 4), new(2, 4, 4)];
    private static readonly double[] OverlappingScores = [1, 2, 3];

    [Fact]
    public void Gives_each_sample_the_score_of_its_earliest_finished_window()
    {
        // Rows 2,3 lie in windows 0 (ends at 4) and 1 (ends at 6): window 0 finishes first → 1.
        // Rows 4,5 lie in windows 1 (6) and 2 (8) → 2. Rows 6,7 only in window 2 → 3.
        var points = PointScoreMapping.FirstCompletedWindow(Overlapping, OverlappingScores, rowCount: 10);

        points.Rows.ShouldBe([0, 1, 2, 3, 4, 5, 6, 7]);
        points.Scores.ShouldBe([1.0, 1, 1, 1, 2, 2, 3, 3]);
        points.UncoveredRows.ShouldBe(2);
    }

    [Fact]
    public void Orders_by_end_row_not_by_start_or_list_position()
    {
        // A long window [0,6) listed first and a short one [3,5) inside it: the short one finishes at
        // row 5, before the long one at 6, so rows 3 and 4 take its score.
        WindowSpan[] windows = [new(0, 0, 6), new(1, 3, 2)];

        var points = PointScoreMapping.FirstCompletedWindow(windows, [9.0, 7.0], rowCount: 6);

        points.Scores.ShouldBe([9.0, 9, 9, 7, 7, 9]);
    }

    [Fact]
    public void Rejects_windows_outside_the_recording() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PointScoreMapping.FirstCompletedWindow([new(0, 6, 4)], [1.0], rowCount: 8));

    [Fact]
    public void Point_level_metrics_use_the_mapped_scores_and_count_what_was_left_out()
    {
        // Rows 4 and 5 anomalous. Mapped: rows 0–3 score 1 (normal), 4–5 score 2 (anomalous), 6–7 score 3 (normal).
        // threshold 3: TP0 FP2 → P 0, R 0;  2: TP2 FP2 → P ½, R 1;  1: R stays 1.  AP = 1·½ = ½.
        // Pairs: each anomaly (2) beats four 1s and loses to two 3s → 8 of 12 = 2/3.
        bool[] labels = [false, false, false, false, true, true, false, false, false, false];

        var result = PointLevelMetrics.Compute(Overlapping, OverlappingScores, labels);

        result.ExcludedSamples.ShouldBe(2);
        result.Metrics.Samples.ShouldBe(8);
        result.Metrics.AveragePrecision.ShouldBe(0.5, 1e-12);
        result.Metrics.RocAuc.ShouldBe(2.0 / 3, 1e-12);
    }
}
