namespace KukaPortal.Ml.Images;

/// <summary>
/// A score term with the range it took on held-out NORMAL images: normalised = (raw − Min) / (Max − Min), so
/// held-out normal images fall in [0, 1] and an anomaly can exceed 1. Only normal statistics are used, because a
/// live station never has the scored set's own range.
/// </summary>
public sealed record TermStatistics(string Name, double Weight, double Min, double Max)
{
    public double Normalise(double raw) => (raw - Min) / Range;

    // Identical held-out values have no range; dividing by the magnitude keeps the term finite and monotone.
    private double Range => Max > Min ? Max - Min : Math.Max(Math.Abs(Max), 1e-12);
}

/// <summary>Turns a model's raw score terms into the image score Σ weight · normalised term.</summary>
internal static class TermNormalisation
{
    public static IReadOnlyList<TermStatistics> Fit(IReadOnlyList<ScoreTerm> terms, IReadOnlyList<double[]> heldOutRaw) =>
        terms.Select((term, t) => new TermStatistics(term.Name, term.Weight, heldOutRaw.Min(r => r[t]), heldOutRaw.Max(r => r[t]))).ToArray();

    public static double[] Normalise(IReadOnlyList<TermStatistics> statistics, double[] raw) =>
        statistics.Select((s, t) => s.Normalise(raw[t])).ToArray();

    public static double Combine(IReadOnlyList<TermStatistics> statistics, double[] raw) =>
        statistics.Select((s, t) => s.Weight * s.Normalise(raw[t])).Sum();
}
