using KukaPortal.Core.Preprocessing.Numerics;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Mutual information I(X; Y), in nats, between a continuous channel X and the binary label Y, by the
/// k-nearest-neighbour estimator for a continuous and a discrete variable (B. C. Ross, "Mutual
/// information between discrete and continuous data sets", PLoS ONE 2014), the estimator behind
/// sklearn's mutual_info_classif:
/// <code>
///   I = ψ(N) + ⟨ψ(kᵢ)⟩ − ⟨ψ(N_yᵢ)⟩ − ⟨ψ(mᵢ)⟩
/// </code>
/// where dᵢ is the distance from xᵢ to its k-th nearest neighbour with the same label, N_yᵢ the
/// number of points with that label and mᵢ the number of points of any label closer than dᵢ
/// (xᵢ included). In one dimension the neighbours come from sorted arrays, so it costs O(N log N).
/// </summary>
public static class MutualInformation
{
    public static double WithLabel(ReadOnlySpan<float> x, ReadOnlySpan<bool> labels, int neighbours = 3, int seed = 0)
    {
        if (x.Length != labels.Length) throw new ArgumentException($"{x.Length} values but {labels.Length} labels.");
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);

        var (values, isAnomalous) = FinitePairs(x, labels, seed);
        var anomalous = values.Where((_, i) => isAnomalous[i]).ToArray();
        var normal = values.Where((_, i) => !isAnomalous[i]).ToArray();
        // A label seen once has no same-label neighbour; its point is left out, as in Ross's method.
        var classes = new[] { normal, anomalous }.Where(c => c.Length > 1).ToArray();
        if (classes.Length < 2) return 0; // a label that does not vary shares no information

        var all = classes.SelectMany(c => c).ToArray();
        Array.Sort(all);
        var n = all.Length;
        // mᵢ is a count up to n, so ψ(1..n) is tabulated once by ψ(m + 1) = ψ(m) + 1/m.
        var digamma = new double[n + 1];
        digamma[1] = Digamma.Of(1);
        for (var m = 1; m < n; m++) digamma[m + 1] = digamma[m] + 1.0 / m;

        double sumK = 0, sumClass = 0, sumM = 0;
        foreach (var members in classes)
        {
            Array.Sort(members);
            var k = Math.Min(neighbours, members.Length - 1);
            sumK += members.Length * Digamma.Of(k);
            sumClass += members.Length * Digamma.Of(members.Length);
            for (var i = 0; i < members.Length; i++)
                sumM += digamma[CountCloser(all, members[i], KthNeighbourDistance(members, i, k))];
        }
        var estimate = digamma[n] + (sumK - sumClass - sumM) / n;
        return Math.Max(estimate, 0); // MI is never negative; the estimator's noise can be
    }

    /// <summary>
    /// Finite values, divided by their standard deviation and given a tiny seeded jitter. The
    /// estimator assumes no two values coincide; sensor data repeats values, and without the jitter a
    /// repeated value would have a neighbour at distance 0. The scale is irrelevant to MI; dividing by
    /// σ only makes the jitter's size comparable across channels.
    /// </summary>
    private static (double[] Values, bool[] Labels) FinitePairs(ReadOnlySpan<float> x, ReadOnlySpan<bool> labels, int seed)
    {
        var values = new List<double>(x.Length);
        var kept = new List<bool>(x.Length);
        for (var i = 0; i < x.Length; i++)
            if (float.IsFinite(x[i])) { values.Add(x[i]); kept.Add(labels[i]); }
        if (values.Count == 0) return ([], []);

        var (_, deviation) = ChannelColumns.MeanAndDeviation(values);
        var scale = deviation > 0 ? 1 / deviation : 1;
        var typical = Math.Max(1, values.Average(v => Math.Abs(v * scale)));
        var random = new Random(seed);
        var result = values.Select(v => v * scale + 1e-10 * typical * (2 * random.NextDouble() - 1)).ToArray();
        return (result, [.. kept]);
    }

    /// <summary>
    /// How many values lie strictly closer to x than d (x itself included), or at distance 0 when d
    /// is 0. Distances are compared as the same differences the neighbour search computed: testing
    /// against x ± d instead would let rounding count the k-th neighbour itself.
    /// </summary>
    private static int CountCloser(double[] sorted, double x, double d)
    {
        // Two binary searches, each for the first index where a condition monotone in the index holds.
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var below = x - sorted[middle]; // shrinks as the index grows
            if (d > 0 ? below < d : below <= 0) high = middle; else low = middle + 1;
        }
        var first = low;
        high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var above = sorted[middle] - x; // grows with the index
            if (d > 0 ? above >= d : above > 0) high = middle; else low = middle + 1;
        }
        return Math.Max(low - first, 1);
    }

    private static double KthNeighbourDistance(double[] sorted, int i, int k)
    {
        int left = i - 1, right = i + 1;
        var distance = 0.0;
        for (var found = 0; found < k; found++)
        {
            var toLeft = left >= 0 ? sorted[i] - sorted[left] : double.PositiveInfinity;
            var toRight = right < sorted.Length ? sorted[right] - sorted[i] : double.PositiveInfinity;
            if (toLeft <= toRight) { distance = toLeft; left--; }
            else { distance = toRight; right++; }
        }
        return distance;
    }
}
