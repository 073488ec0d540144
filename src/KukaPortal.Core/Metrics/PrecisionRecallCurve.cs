namespace KukaPortal.Core.Metrics;

/// <summary>
/// One point per distinct score, highest threshold first. Each threshold calls at least the samples
/// at that score anomalous, so precision is never 0/0. Recall needs anomalous samples: without any
/// the curve is undefined and this throws. The curve starts implicitly at recall 0 (paper 000's R₀).
/// </summary>
public static class PrecisionRecallCurve
{
    public static IReadOnlyList<PrPoint> Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Of(ScoreRanking.Of(scores, labels));

    internal static PrPoint[] Of(ScoreRanking ranking)
    {
        ranking.RequirePositives("The precision-recall curve");
        var points = new PrPoint[ranking.Thresholds.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var tp = ranking.TruePositives[i];
            points[i] = new PrPoint(ranking.Thresholds[i], (double)tp / (tp + ranking.FalsePositives[i]), (double)tp / ranking.Positives);
        }
        return points;
    }
}
