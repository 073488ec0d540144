using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// z = (x − mean) / σ with the population σ of the normal data. Out-of-range values extrapolate
/// linearly (large |z|). A channel with zero variance maps to 0, so it cannot produce NaN or Infinity.
/// </summary>
public sealed class StandardScaler : IScaler
{
    private readonly AffineScaling _scaling;

    public StandardScaler(double[] means, double[] standardDeviations) =>
        _scaling = new AffineScaling(means, standardDeviations);

    public double[] Means => _scaling.Offsets;
    public double[] StandardDeviations => _scaling.Spreads;
    public ScalerKind Kind => ScalerKind.Standard;
    public int ChannelCount => _scaling.ChannelCount;

    public static StandardScaler Fit(TimeSeries normal)
    {
        var means = new double[normal.ChannelCount];
        var deviations = new double[normal.ChannelCount];
        for (var c = 0; c < normal.ChannelCount; c++)
            (means[c], deviations[c]) = ChannelColumns.MeanAndDeviation(ChannelColumns.Finite(normal, c));
        return new StandardScaler(means, deviations);
    }

    public TimeSeries Transform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, _scaling.Forward);

    public TimeSeries InverseTransform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, _scaling.Backward);

    public ScalerState ToState() => new(Kind, new Dictionary<string, double[]>
    {
        ["means"] = Means,
        ["scales"] = StandardDeviations,
    });
}
