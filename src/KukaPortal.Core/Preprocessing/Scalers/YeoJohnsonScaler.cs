using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Makes each channel more Gaussian: Yeo-Johnson with a per-channel maximum-likelihood λ, then
/// standardised to zero mean and unit variance on the normal data (sklearn's PowerTransformer with
/// standardize=True). The transform is defined on all reals, so out-of-range values need no
/// special case; results beyond float's range saturate. A channel without spread keeps λ = 1 and
/// maps to 0.
/// </summary>
public sealed class YeoJohnsonScaler : IScaler
{
    private readonly AffineScaling _standardise;

    public YeoJohnsonScaler(double[] lambdas, double[] means, double[] standardDeviations)
    {
        if (lambdas.Length != means.Length)
            throw new ArgumentException("Lambdas, means and deviations must have one entry per channel.");
        Lambdas = lambdas;
        _standardise = new AffineScaling(means, standardDeviations);
    }

    public double[] Lambdas { get; }

    /// <summary>Mean and population deviation of the transformed normal data, used to standardise.</summary>
    public double[] Means => _standardise.Offsets;
    public double[] StandardDeviations => _standardise.Spreads;

    public ScalerKind Kind => ScalerKind.YeoJohnson;
    public int ChannelCount => Lambdas.Length;

    public static YeoJohnsonScaler Fit(TimeSeries normal)
    {
        var channels = normal.ChannelCount;
        var lambdas = new double[channels];
        var means = new double[channels];
        var deviations = new double[channels];
        var columns = Enumerable.Range(0, channels).Select(c => ChannelColumns.Finite(normal, c)).ToArray();
        // Each channel's λ search reads all its values ~30 times; channels are independent.
        Parallel.For(0, channels, c =>
        {
            var values = columns[c];
            lambdas[c] = YeoJohnson.FitLambda(values);
            var transformed = values.Select(v => YeoJohnson.Transform(v, lambdas[c])).ToArray();
            (means[c], deviations[c]) = ChannelColumns.MeanAndDeviation(transformed);
        });
        return new YeoJohnsonScaler(lambdas, means, deviations);
    }

    public TimeSeries Transform(TimeSeries series) =>
        ChannelMap.Apply(series, ChannelCount, (c, x) => _standardise.Forward(c, YeoJohnson.Transform(x, Lambdas[c])));

    public TimeSeries InverseTransform(TimeSeries series) =>
        ChannelMap.Apply(series, ChannelCount, (c, y) => YeoJohnson.Inverse(_standardise.Backward(c, y), Lambdas[c]));

    public ScalerState ToState() => new(Kind, new Dictionary<string, double[]>
    {
        ["lambdas"] = Lambdas,
        ["means"] = Means,
        ["scales"] = StandardDeviations,
    });
}
