using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// x / max|x| per channel: keeps zero and signs, fitted values land in [−1, 1]; larger values at
/// scoring time extrapolate linearly beyond ±1. An all-zero channel maps to 0.
/// </summary>
public sealed class MaxAbsScaler : IScaler
{
    private readonly AffineScaling _scaling;

    public MaxAbsScaler(double[] maxAbs) => _scaling = new AffineScaling(new double[maxAbs.Length], maxAbs);

    public double[] MaxAbs => _scaling.Spreads;
    public ScalerKind Kind => ScalerKind.MaxAbs;
    public int ChannelCount => _scaling.ChannelCount;

    public static MaxAbsScaler Fit(TimeSeries normal)
    {
        var maxAbs = new double[normal.ChannelCount];
        for (var c = 0; c < normal.ChannelCount; c++)
            maxAbs[c] = ChannelColumns.Finite(normal, c).Max(Math.Abs);
        return new MaxAbsScaler(maxAbs);
    }

    public TimeSeries Transform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, _scaling.Forward);

    public TimeSeries InverseTransform(TimeSeries series) => ChannelMap.Apply(series, ChannelCount, _scaling.Backward);

    public ScalerState ToState() => new(Kind, new Dictionary<string, double[]> { ["maxAbs"] = MaxAbs });
}
