namespace KukaPortal.Core.Metrics;

/// <summary>
/// One point per distinct score, highest threshold first; the last point is always (1, 1). The origin
/// (0, 0) belongs to a threshold above every score and is left out, because that threshold (+∞) has
/// no JSON form; <see cref="RocAuc"/> adds it back. Needs both classes, else throws.
/// </summary>
public static class RocCurve
{
    public static IReadOnlyList<RocPoint> Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Of(ScoreRanking.Of(scores, labels));

    internal static RocPoint[] Of(ScoreRanking ranking)
    {
        ranking.RequireBothClasses("The ROC curve");
        var points = new RocPoint[ranking.Thresholds.Length];
        for (var i = 0; i < points.Length; i++)
            points[i] = new RocPoint(ranking.Thresholds[i],
                (double)ranking.FalsePositives[i] / ranking.Negatives,
                (double)ranking.TruePositives[i] / ranking.Positives);
        return points;
    }
}
