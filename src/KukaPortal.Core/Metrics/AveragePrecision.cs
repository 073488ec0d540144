namespace KukaPortal.Core.Metrics;

/// <summary>
/// Paper 000's AP (its Eq. 5): Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct thresholds from highest to lowest,
/// with R₀ = 0. It is a step sum, not a trapezoid: interpolating precision between points overstates
/// it. Equal scores form one step. Undefined (throws) without anomalous samples; with no normal
/// samples every precision is 1, so AP is 1.
/// </summary>
public static class AveragePrecision
{
    public static double Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Of(PrecisionRecallCurve.Of(ScoreRanking.Of(scores, labels)));

    internal static double Of(IReadOnlyList<PrPoint> curve)
    {
        double sum = 0, previousRecall = 0;
        foreach (var point in curve)
        {
            sum += (point.Recall - previousRecall) * point.Precision;
            previousRecall = point.Recall;
        }
        return sum;
    }
}
