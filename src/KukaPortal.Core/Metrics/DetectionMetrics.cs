namespace KukaPortal.Core.Metrics;

/// <summary>
/// Everything paper 000 reports for one labelled set, plus ROC-AUC and both curves, in one record
/// that System.Text.Json writes and reads back. <see cref="AtThreshold"/> is filled when a saved
/// threshold is given (paper 000's recall on the test set).
/// </summary>
public sealed record DetectionMetrics(
    int Samples,
    int Anomalous,
    int Normal,
    double AveragePrecision,
    double RocAuc,
    double F1Max,
    double F1MaxThreshold,
    ThresholdMetrics? AtThreshold,
    IReadOnlyList<PrPoint> PrecisionRecallCurve,
    IReadOnlyList<RocPoint> RocCurve)
{
    /// <summary>Needs both anomalous and normal samples (ROC-AUC is undefined otherwise) and throws without them.</summary>
    public static DetectionMetrics Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double? savedThreshold = null)
    {
        var ranking = ScoreRanking.Of(scores, labels);
        ranking.RequireBothClasses("Detection metrics (ROC-AUC in particular)");
        var pr = Metrics.PrecisionRecallCurve.Of(ranking);
        var roc = Metrics.RocCurve.Of(ranking);
        var f1 = Metrics.F1Max.Of(pr);
        var atThreshold = savedThreshold is { } t ? ThresholdMetrics.At(scores, labels, t) : null;
        return new DetectionMetrics(ranking.Count, ranking.Positives, ranking.Negatives,
            Metrics.AveragePrecision.Of(pr), Metrics.RocAuc.Of(roc), f1.F1, f1.Threshold, atThreshold, pr, roc);
    }
}
