using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>Applies a per-channel function to every value of a series; the loop the scalers share.</summary>
internal static class ChannelMap
{
    public static TimeSeries Apply(TimeSeries series, int fittedChannels, Func<int, double, double> map)
    {
        var channels = series.ChannelCount;
        if (channels != fittedChannels)
            throw new ArgumentException($"The scaler was fitted on {fittedChannels} channels; the series has {channels}.", nameof(series));

        var source = series.Values;
        var mapped = new float[source.Length];
        // Row by row: a channel index per value (i % channels) cost more than the map itself.
        for (var row = 0; row < source.Length; row += channels)
        {
            for (var c = 0; c < channels; c++)
                mapped[row + c] = Saturate(map(c, source[row + c]));
        }
        return series.WithValues(mapped);
    }

    /// <summary>
    /// Doubles beyond float's range become ±float.MaxValue rather than ±Infinity, so an extreme but
    /// finite reading stays a finite (very anomalous) input for the model. NaN stays NaN.
    /// </summary>
    public static float Saturate(double value) =>
        value > float.MaxValue ? float.MaxValue
        : value < -float.MaxValue ? -float.MaxValue
        : (float)value;
}
