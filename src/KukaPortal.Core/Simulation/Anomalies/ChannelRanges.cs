namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// Max − min of every channel over the recording, taken before any sensor fault. Sensor faults are
/// sized against it because that range is what a min–max scaled detector sees.
/// </summary>
internal sealed class ChannelRanges
{
    private readonly double[] span;

    public ChannelRanges(float[] values, int rows, int channels)
    {
        var min = Enumerable.Repeat(double.PositiveInfinity, channels).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, channels).ToArray();
        for (var row = 0; row < rows; row++)
        {
            var offset = (long)row * channels;
            for (var c = 0; c < channels; c++)
            {
                var v = values[offset + c];
                if (v < min[c]) min[c] = v;
                if (v > max[c]) max[c] = v;
            }
        }
        span = min.Zip(max, (lo, hi) => hi > lo ? hi - lo : 0).ToArray();
    }

    public double Of(int column) => span[column];
}
