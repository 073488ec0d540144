namespace KukaPortal.Core.Metrics;

/// <summary>
/// Area under the ROC curve by trapezoids from (0, 0) through each distinct threshold. The trapezoid
/// over a group of tied scores is what makes this equal the Mann–Whitney probability that an anomalous
/// sample outscores a normal one, with ties counted half. Needs both classes, else throws.
/// </summary>
public static class RocAuc
{
    public static double Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Of(RocCurve.Of(ScoreRanking.Of(scores, labels)));

    internal static double Of(IReadOnlyList<RocPoint> curve)
    {
        double area = 0, fpr = 0, tpr = 0;
        foreach (var point in curve)
        {
            area += (point.FalsePositiveRate - fpr) * (point.TruePositiveRate + tpr) / 2;
            fpr = point.FalsePositiveRate;
            tpr = point.TruePositiveRate;
        }
        return area;
    }
}
