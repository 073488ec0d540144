using System.Numerics;
using System.Runtime.CompilerServices;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Scales each channel to [0, 1] by the minimum and maximum seen in normal training data (paper 000).
/// A constant channel maps to 0. Values beyond the fitted range at scoring time fall outside [0, 1]
/// on purpose (linear extrapolation): that excursion is evidence of an anomaly, not an error.
/// </summary>
public sealed class MinMaxScaler : IScaler
{
    public MinMaxScaler(float[] minimums, float[] maximums)
    {
        if (minimums.Length != maximums.Length)
            throw new ArgumentException("Minimums and maximums must have one entry per channel.");
        Minimums = minimums;
        Maximums = maximums;
    }

    public float[] Minimums { get; }
    public float[] Maximums { get; }

    public ScalerKind Kind => ScalerKind.MinMax;
    public int ChannelCount => Minimums.Length;

    public static MinMaxScaler Fit(TimeSeries normal)
    {
        var channels = normal.ChannelCount;
        var min = Enumerable.Repeat(float.PositiveInfinity, channels).ToArray();
        var max = Enumerable.Repeat(float.NegativeInfinity, channels).ToArray();
        var values = normal.Values;
        for (var i = 0; i < values.Length; i++)
        {
            var c = i % channels;
            var v = values[i];
            if (float.IsFinite(v))
            {
                if (v < min[c]) min[c] = v;
                if (v > max[c]) max[c] = v;
            }
        }
        for (var c = 0; c < channels; c++)
        {
            if (float.IsInfinity(min[c]))
                throw new InvalidOperationException($"Channel '{normal.Channels[c]}' has no finite value to fit a scaler on.");
        }
        return new MinMaxScaler(min, max);
    }

    public TimeSeries Transform(TimeSeries series)
    {
        var channels = series.ChannelCount;
        if (channels != Minimums.Length)
            throw new ArgumentException($"The scaler was fitted on {Minimums.Length} channels; the series has {channels}.");

        var scale = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var range = Maximums[c] - Minimums[c];
            scale[c] = range > 0 ? 1f / range : 0f;
        }

        // Row by row rather than with a channel index per value: scoring scales a whole recording before its first
        // window, and the modulo per value made that a tenth of a score job (docs/performance.md, "Scoring pipeline").
        var source = series.Values;
        var scaled = new float[source.Length];
        for (var row = 0; row < source.Length; row += channels)
            ScaleRow(source.AsSpan(row, channels), scaled.AsSpan(row, channels), scale);
        return series.WithValues(scaled);
    }

    /// <summary>
    /// (x − min) · scale in float arithmetic as in the first artifacts, so models trained before IScaler score
    /// identically. The vector lanes do exactly the scalar steps (a float subtraction, then a float multiplication;
    /// nothing is fused), so each value is bit for bit what the scalar loop gives.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per row: no slow first tier for a whole recording
    private void ScaleRow(ReadOnlySpan<float> source, Span<float> scaled, float[] scale)
    {
        var c = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var largest = new Vector<float>(float.MaxValue);
            for (; c <= source.Length - Vector<float>.Count; c += Vector<float>.Count)
            {
                var value = (new Vector<float>(source[c..]) - new Vector<float>(Minimums.AsSpan(c))) * new Vector<float>(scale.AsSpan(c));
                value.CopyTo(scaled[c..]);
                if (Vector.GreaterThanAny(Vector.Abs(value), largest))
                {
                    for (var lane = c; lane < c + Vector<float>.Count; lane++)
                        scaled[lane] = Saturated(source[lane], scaled[lane]);
                }
            }
        }
        for (; c < source.Length; c++)
            scaled[c] = Saturated(source[c], (source[c] - Minimums[c]) * scale[c]);
    }

    /// <summary>A finite reading that overflows float when scaled becomes ±float.MaxValue; an infinite one stays infinite.</summary>
    private static float Saturated(float source, float value) =>
        float.IsInfinity(value) && float.IsFinite(source) ? ChannelMap.Saturate(value) : value;

    /// <summary>x = y·(max − min) + min; a constant channel comes back as its constant.</summary>
    public TimeSeries InverseTransform(TimeSeries series) =>
        ChannelMap.Apply(series, ChannelCount, (c, y) => y * ((double)Maximums[c] - Minimums[c]) + Minimums[c]);

    public ScalerState ToState() => new(Kind, new Dictionary<string, double[]>
    {
        ["minimums"] = [.. Minimums.Select(v => (double)v)],
        ["maximums"] = [.. Maximums.Select(v => (double)v)],
    });
}
