using KukaPortal.Core.Preprocessing.Numerics;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Principal component analysis fitted on (usually scaled) normal data: centred on the normal
/// means, projected on the eigenvectors of the channel covariance, keeping the fewest components
/// that explain the requested share of variance. Output channels are named pc1..pck. Paper 001
/// found it weakened detection, so it is off by default; it is here to reproduce that finding.
/// </summary>
public sealed class PcaTransform
{
    private readonly PcaState _state;

    internal PcaTransform(PcaState state)
    {
        var d = state.InputChannels.Count;
        if (d == 0 || state.Means.Length != d || state.ExplainedVariance.Length == 0
            || state.Components.Length != state.ExplainedVariance.Length * d)
            throw new InvalidDataException("The PCA state's channels, means and components do not fit together.");
        _state = state;
        OutputChannels = [.. Enumerable.Range(1, ComponentCount).Select(k => $"pc{k}")];
    }

    public IReadOnlyList<string> InputChannels => _state.InputChannels;
    public IReadOnlyList<string> OutputChannels { get; }
    public int ComponentCount => _state.ExplainedVariance.Length;
    public double[] ExplainedVariance => _state.ExplainedVariance;

    /// <summary>Each kept component's share of the total variance; a total of 0 counts as all explained.</summary>
    public double[] ExplainedVarianceRatio =>
        [.. ExplainedVariance.Select(v => _state.TotalVariance > 0 ? v / _state.TotalVariance : 1.0 / ComponentCount)];

    public static PcaTransform Fit(TimeSeries normal, PcaOptions? options = null)
    {
        options ??= new PcaOptions();
        options.Validate();
        var d = normal.ChannelCount;
        var (means, covariance) = CovarianceMatrix.Of(normal);
        var (eigenvalues, eigenvectors) = SymmetricEigen.Decompose(covariance, d);

        // Rounding can leave tiny negative eigenvalues on a rank-deficient covariance; they are zeros.
        var variances = eigenvalues.Select(v => Math.Max(v, 0)).ToArray();
        var total = variances.Sum();
        var keep = ComponentsFor(variances, total, options.VarianceToKeep);
        var state = new PcaState([.. normal.Channels], means, eigenvectors[..(keep * d)], variances[..keep], total);
        return new PcaTransform(state);
    }

    public TimeSeries Transform(TimeSeries series)
    {
        CheckChannels(series.Channels, InputChannels);
        var d = InputChannels.Count;
        var k = ComponentCount;
        var projected = new float[series.Rows * k];
        var centered = new double[d];
        for (var r = 0; r < series.Rows; r++)
        {
            for (var c = 0; c < d; c++) centered[c] = series.Values[r * d + c] - _state.Means[c];
            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var c = 0; c < d; c++) sum += centered[c] * _state.Components[j * d + c];
                projected[r * k + j] = ChannelMap.Saturate(sum);
            }
        }
        return new TimeSeries(OutputChannels, projected, series.Timestamps, series.Labels);
    }

    /// <summary>Back to the input channels: exact when all components were kept, the best rank-k approximation otherwise.</summary>
    public TimeSeries InverseTransform(TimeSeries series)
    {
        CheckChannels(series.Channels, OutputChannels);
        var d = InputChannels.Count;
        var k = ComponentCount;
        var restored = new float[series.Rows * d];
        for (var r = 0; r < series.Rows; r++)
            for (var c = 0; c < d; c++)
            {
                var sum = _state.Means[c];
                for (var j = 0; j < k; j++) sum += series.Values[r * k + j] * _state.Components[j * d + c];
                restored[r * d + c] = ChannelMap.Saturate(sum);
            }
        return new TimeSeries(InputChannels, restored, series.Timestamps, series.Labels);
    }

    public PcaState ToState() => _state;

    /// <summary>The fewest leading components whose variance reaches the fraction of the total.</summary>
    private static int ComponentsFor(double[] variances, double total, double fraction)
    {
        if (total <= 0) return 1; // every channel constant: one (zero) component keeps the shape valid
        var cumulative = 0.0;
        for (var k = 0; k < variances.Length; k++)
        {
            cumulative += variances[k];
            // The relative slack absorbs rounding, so "keep 100 %" does not depend on the last bit.
            if (cumulative >= fraction * total * (1 - 1e-12)) return k + 1;
        }
        return variances.Length;
    }

    private static void CheckChannels(IReadOnlyList<string> actual, IReadOnlyList<string> expected)
    {
        if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
            throw new ArgumentException($"PCA expects channels [{string.Join(", ", expected)}]; the series has [{string.Join(", ", actual)}].");
    }
}
