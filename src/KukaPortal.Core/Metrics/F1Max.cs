namespace KukaPortal.Core.Metrics;

/// <summary>The best F1 over all distinct thresholds, and the threshold that reaches it.</summary>
public readonly record struct F1MaxResult(double F1, double Threshold);

/// <summary>
/// Paper 000 saves the threshold of maximum F1 on the validation set with the model. Only distinct
/// scores are candidates: any threshold between two of them calls the same samples anomalous.
/// When several thresholds tie, the highest wins, since it reaches the same F1 with fewer alarms.
/// Undefined (throws) without anomalous samples, where every F1 would be 0.
/// </summary>
public static class F1Max
{
    public static F1MaxResult Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Of(PrecisionRecallCurve.Of(ScoreRanking.Of(scores, labels)));

    internal static F1MaxResult Of(IReadOnlyList<PrPoint> curve)
    {
        var best = new F1MaxResult(-1, double.NaN);
        foreach (var point in curve)
        {
            var f1 = ThresholdMetrics.F1Of(point.Precision, point.Recall);
            if (f1 > best.F1) best = new F1MaxResult(f1, point.Threshold);
        }
        return best;
    }
}
