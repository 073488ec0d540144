using KukaPortal.Core.Series;

namespace KukaPortal.Ml.Tests;

/// <summary>Seeded multichannel sinusoids with noise: "normal" robot-like signals with known structure.</summary>
internal static class SyntheticSeries
{
    public static readonly string[] ChannelNames = ["a1_position", "a1_current", "a2_position", "a2_current"];

    public static TimeSeries Normal(int rows, int seed, string[]? channels = null)
    {
        channels ??= ChannelNames;
        var random = new Random(seed);
        var values = new float[rows * channels.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                var period = 12.0 + 7 * c;
                var signal = (10 + 5 * c) * Math.Sin(2 * Math.PI * r / period + c) + 100 * c;
                values[r * channels.Length + c] = (float)(signal + random.NextDouble() * 0.5);
            }
        }
        return new TimeSeries(channels, values);
    }

    /// <summary>The series with <paramref name="channel"/> pushed far outside its normal range over rows [start, start + length).</summary>
    public static TimeSeries WithSpike(TimeSeries series, int channel, int start, int length)
    {
        var values = (float[])series.Values.Clone();
        for (var r = start; r < start + length; r++)
            values[r * series.ChannelCount + channel] += 60f;
        return series.WithValues(values);
    }
}
