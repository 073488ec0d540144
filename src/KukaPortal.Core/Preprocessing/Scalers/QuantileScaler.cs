using KukaPortal.Core.Preprocessing.Numerics;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Maps each channel through the empirical CDF of the normal data (sklearn's QuantileTransformer).
/// Fitting keeps n reference values per channel, the quantiles at probabilities k/(n−1) (linear
/// interpolation between order statistics). A value equal to the k-th reference maps to k/(n−1);
/// values between references interpolate linearly; a run of equal references maps to the middle of
/// the run. Values outside the fitted range clip to 0 and 1 (uniform), which the normal output turns
/// into ±5.2 (Φ⁻¹ clipped, as sklearn's bounds). A constant channel maps to 0.5 (uniform) or 0 (normal).
/// </summary>
public sealed class QuantileScaler : IScaler
{
    /// <summary>The normal output's clip: Φ(−5.2) ≈ 1e-7, so ±5.2 covers all but the exact ends.</summary>
    public const double NormalBound = 5.2;

    private readonly int _count;

    public QuantileScaler(bool normalOutput, double[] quantiles, double[] references)
    {
        if (quantiles.Length < 1 || references.Length % quantiles.Length != 0)
            throw new ArgumentException($"{references.Length} references do not fill whole channels of {quantiles.Length} quantiles.");
        NormalOutput = normalOutput;
        Quantiles = quantiles;
        References = references;
        _count = quantiles.Length;
    }

    public bool NormalOutput { get; }

    /// <summary>The probabilities 0, 1/(n−1), …, 1 at which references were taken.</summary>
    public double[] Quantiles { get; }

    /// <summary>Channel-major: channel c's n ascending references are References[c·n .. c·n + n).</summary>
    public double[] References { get; }

    public ScalerKind Kind => NormalOutput ? ScalerKind.QuantileNormal : ScalerKind.QuantileUniform;
    public int ChannelCount => References.Length / _count;

    public static QuantileScaler Fit(TimeSeries normal, bool normalOutput, int quantileCount = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantileCount, 2);
        var columns = Enumerable.Range(0, normal.ChannelCount).Select(c => ChannelColumns.FiniteSorted(normal, c)).ToArray();
        // More references than values would only repeat values (sklearn caps the same way); one value still needs two ends.
        var count = Math.Max(2, Math.Min(quantileCount, columns.Min(c => c.Length)));
        var quantiles = Enumerable.Range(0, count).Select(k => (double)k / (count - 1)).ToArray();
        var references = new double[normal.ChannelCount * count];
        for (var c = 0; c < columns.Length; c++)
            for (var k = 0; k < count; k++)
                references[c * count + k] = ChannelColumns.Percentile(columns[c], quantiles[k]);
        return new QuantileScaler(normalOutput, quantiles, references);
    }

    public TimeSeries Transform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, Forward);

    public TimeSeries InverseTransform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, Backward);

    public ScalerState ToState() => new(Kind, new Dictionary<string, double[]>
    {
        ["quantiles"] = Quantiles,
        ["references"] = References,
    });

    private double Forward(int channel, double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var p = Probability(References.AsSpan(channel * _count, _count), x);
        return NormalOutput ? Math.Clamp(NormalDistribution.InverseCdf(p), -NormalBound, NormalBound) : p;
    }

    private double Backward(int channel, double y)
    {
        if (double.IsNaN(y)) return double.NaN;
        var p = NormalOutput ? NormalDistribution.Cdf(y) : Math.Clamp(y, 0, 1);
        var references = References.AsSpan(channel * _count, _count);
        var position = p * (_count - 1);
        var lower = Math.Min((int)Math.Floor(position), _count - 2);
        return references[lower] + (references[lower + 1] - references[lower]) * (position - lower);
    }

    /// <summary>The interpolated position of x among the ascending references, as a probability.</summary>
    private double Probability(ReadOnlySpan<double> references, double x)
    {
        if (references[0] == references[^1]) return 0.5;
        if (x < references[0]) return 0;
        if (x > references[^1]) return 1;

        var first = SortedSearch.LowerBound(references, x);      // first reference ≥ x
        var last = SortedSearch.UpperBound(references, x) - 1; // last reference ≤ x
        if (first <= last)
            return (first + last) / 2.0 / (_count - 1); // x equals references[first..last]
        // Otherwise references[last] < x < references[first], and first = last + 1.
        var fraction = (x - references[last]) / (references[first] - references[last]);
        return (last + fraction) / (_count - 1);
    }
}
