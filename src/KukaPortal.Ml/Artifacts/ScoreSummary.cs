namespace KukaPortal.Ml.Artifacts;

/// <summary>Distribution of the held-out normal windows' scores, kept so a threshold can be judged later.</summary>
public sealed record ScoreSummary(int Count, double Mean, double StandardDeviation, double Min, double Median, double Max)
{
    public static ScoreSummary Of(IReadOnlyCollection<double> scores)
    {
        if (scores.Count == 0)
            return new ScoreSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var mean = scores.Average();
        var variance = scores.Sum(s => (s - mean) * (s - mean)) / scores.Count;
        return new ScoreSummary(scores.Count, mean, Math.Sqrt(variance), scores.Min(),
            Core.Thresholds.Quantile.Of(scores, 0.5), scores.Max());
    }
}
