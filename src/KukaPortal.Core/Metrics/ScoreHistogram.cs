namespace KukaPortal.Core.Metrics;

/// <summary>
/// Counts of normal and anomalous window scores in shared bins, so the two distributions can be drawn
/// side by side. Reconstruction scores span orders of magnitude (anomalies reach hundreds of times the
/// normal level), so the bins are equally wide in log10 of the score; scores of 0 fall into the first bin.
/// </summary>
public sealed record ScoreHistogram(IReadOnlyList<double> Edges, IReadOnlyList<int> Normal, IReadOnlyList<int> Anomalous)
{
    public static ScoreHistogram Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int bins = 40)
    {
        MetricInputs.Check(scores, labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var positive = scores.Where(s => s > 0).ToArray();
        // All-zero scores still get one usable bin range.
        var low = positive.Length == 0 ? -12 : Math.Log10(positive.Min());
        var high = positive.Length == 0 ? -11 : Math.Log10(positive.Max());
        if (high - low < 1e-9) { low -= 0.5; high += 0.5; }

        var width = (high - low) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => Math.Pow(10, low + i * width)).ToArray();
        var normal = new int[bins];
        var anomalous = new int[bins];
        for (var i = 0; i < scores.Count; i++)
        {
            var bin = scores[i] <= 0 ? 0 : Math.Clamp((int)((Math.Log10(scores[i]) - low) / width), 0, bins - 1);
            if (labels[i]) anomalous[bin]++;
            else normal[bin]++;
        }
        return new ScoreHistogram(edges, normal, anomalous);
    }
}
