namespace KukaPortal.Core.Thresholds;

public static class Quantile
{
    /// <summary>The q-quantile of <paramref name="values"/> with linear interpolation between order statistics.</summary>
    public static double Of(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0)
            throw new ArgumentException("The quantile of no values is undefined.", nameof(values));
        if (q is < 0 or > 1 || double.IsNaN(q))
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies between 0 and 1.");

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
