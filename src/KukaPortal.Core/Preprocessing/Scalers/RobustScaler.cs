using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// (x − median) / IQR, with quartiles interpolated linearly between order statistics (position
/// q·(n−1), as numpy and sklearn). Out-of-range values extrapolate linearly. A channel that sits on
/// one value more than half the time has IQR 0; it is scaled by its full range instead, so its rare
/// excursions (often the interesting part) survive. A constant channel maps to 0.
/// </summary>
public sealed class RobustScaler : IScaler
{
    private readonly AffineScaling _scaling;

    public RobustScaler(double[] medians, double[] scales) => _scaling = new AffineScaling(medians, scales);

    public double[] Medians => _scaling.Offsets;

    /// <summary>The interquartile range per channel, or the full range where the IQR is 0.</summary>
    public double[] Scales => _scaling.Spreads;

    public ScalerKind Kind => ScalerKind.Robust;
    public int ChannelCount => _scaling.ChannelCount;

    public static RobustScaler Fit(TimeSeries normal)
    {
        var medians = new double[normal.ChannelCount];
        var scales = new double[normal.ChannelCount];
        for (var c = 0; c < normal.ChannelCount; c++)
        {
            var sorted = ChannelColumns.FiniteSorted(normal, c);
            medians[c] = ChannelColumns.Percentile(sorted, 0.5);
            var iqr = ChannelColumns.Percentile(sorted, 0.75) - ChannelColumns.Percentile(sorted, 0.25);
            scales[c] = iqr > 0 ? iqr : sorted[^1] - sorted[0];
        }
        return new RobustScaler(medians, scales);
    }

    public TimeSeries Transform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, _scaling.Forward);

    public TimeSeries InverseTransform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, _scaling.Backward);

    public ScalerState ToState() => new(Kind, new Dictionary<string, double[]>
    {
        ["medians"] = Medians,
        ["scales"] = Scales,
    });
}
