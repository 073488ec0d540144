namespace KukaPortal.Core.Metrics;

/// <summary>
/// Scores sorted high to low and grouped into distinct thresholds, with how many positives and
/// negatives score at or above each one. Every curve and summary metric is a walk over these steps,
/// so equal scores always move together: a detector cannot be credited for an order it never gave.
/// </summary>
internal sealed class ScoreRanking
{
    private ScoreRanking(double[] thresholds, int[] truePositives, int[] falsePositives, int positives, int negatives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>Distinct scores, descending.</summary>
    public double[] Thresholds { get; }

    /// <summary>Positives scoring ≥ <c>Thresholds[i]</c>.</summary>
    public int[] TruePositives { get; }

    /// <summary>Negatives scoring ≥ <c>Thresholds[i]</c>.</summary>
    public int[] FalsePositives { get; }

    public int Positives { get; }
    public int Negatives { get; }
    public int Count => Positives + Negatives;

    public static ScoreRanking Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        MetricInputs.Check(scores, labels);

        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));

        var thresholds = new List<double>();
        var truePositives = new List<int>();
        var falsePositives = new List<int>();
        int tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (labels[order[i]]) tp++; else fp++;
            var lastOfGroup = i == order.Length - 1 || scores[order[i + 1]] != scores[order[i]];
            if (!lastOfGroup) continue;
            thresholds.Add(scores[order[i]]);
            truePositives.Add(tp);
            falsePositives.Add(fp);
        }
        return new ScoreRanking([.. thresholds], [.. truePositives], [.. falsePositives], tp, fp);
    }

    public void RequirePositives(string metric)
    {
        if (Positives == 0)
            throw new ArgumentException($"{metric} is undefined without anomalous samples: all {Count} samples are labelled normal.");
    }

    public void RequireBothClasses(string metric)
    {
        RequirePositives(metric);
        if (Negatives == 0)
            throw new ArgumentException($"{metric} is undefined without normal samples: all {Count} samples are labelled anomalous.");
    }
}
