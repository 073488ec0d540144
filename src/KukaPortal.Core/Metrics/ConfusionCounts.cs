namespace KukaPortal.Core.Metrics;

/// <summary>How the samples split when those scoring at or above a threshold are called anomalous.</summary>
public readonly record struct ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public static ConfusionCounts At(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        MetricInputs.Check(scores, labels);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }
}
