namespace KukaPortal.Core.Metrics;

/// <summary>
/// Precision, recall and F1 when samples scoring ≥ <see cref="Threshold"/> are called anomalous
/// (paper 000 reports the recall at the threshold saved with the model).
/// Where a ratio is 0/0 it is reported as 0, as scikit-learn does with <c>zero_division=0</c>:
/// precision when nothing is called anomalous, recall when no sample is anomalous, F1 when both are 0.
/// The counts are kept beside the ratios so a reader can tell such a 0 from a real one.
/// </summary>
public sealed record ThresholdMetrics(double Threshold, ConfusionCounts Counts, double Precision, double Recall, double F1)
{
    public static ThresholdMetrics At(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold) =>
        From(threshold, ConfusionCounts.At(scores, labels, threshold));

    public static ThresholdMetrics From(double threshold, ConfusionCounts counts)
    {
        var precision = Ratio(counts.TruePositives, counts.TruePositives + counts.FalsePositives);
        var recall = Ratio(counts.TruePositives, counts.TruePositives + counts.FalseNegatives);
        return new ThresholdMetrics(threshold, counts, precision, recall, F1Of(precision, recall));
    }

    internal static double F1Of(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    internal static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
