namespace KukaPortal.Core.Series;

/// <summary>
/// A multivariate recording held row-major (one row per sample, one column per channel) in one flat
/// array, so that windows can be copied out with block copies and handed to torch without boxing.
/// </summary>
public sealed class TimeSeries
{
    public TimeSeries(IReadOnlyList<string> channels, float[] values, double[]? timestamps = null, bool[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(values);
        if (channels.Count == 0)
            throw new ArgumentException("A time series needs at least one channel.", nameof(channels));
        if (values.Length % channels.Count != 0)
            throw new ArgumentException($"{values.Length} values do not fill whole rows of {channels.Count} channels.", nameof(values));

        Channels = channels;
        Values = values;
        Rows = values.Length / channels.Count;
        if (timestamps is not null && timestamps.Length != Rows)
            throw new ArgumentException($"{timestamps.Length} timestamps for {Rows} rows.", nameof(timestamps));
        if (labels is not null && labels.Length != Rows)
            throw new ArgumentException($"{labels.Length} labels for {Rows} rows.", nameof(labels));
        Timestamps = timestamps;
        Labels = labels;
    }

    public IReadOnlyList<string> Channels { get; }
    public int ChannelCount => Channels.Count;
    public int Rows { get; }

    /// <summary>Row-major samples: value of channel c at row r is Values[r * ChannelCount + c].</summary>
    public float[] Values { get; }

    /// <summary>Seconds (relative or Unix) per row, when the source had a time column.</summary>
    public double[]? Timestamps { get; }

    /// <summary>True where a row is labelled anomalous, when the source had a label column.</summary>
    public bool[]? Labels { get; }

    public float this[int row, int channel] => Values[row * ChannelCount + channel];

    /// <summary>A new series with the same rows, timestamps and labels but other values (e.g. scaled).</summary>
    public TimeSeries WithValues(float[] values) => new(Channels, values, Timestamps, Labels);

    /// <summary>The time of a row in seconds: its timestamp, or its index times the sampling period.</summary>
    public double TimeOf(int row, double fallbackPeriodSeconds = 1.0) =>
        Timestamps is { } t ? t[row] : row * fallbackPeriodSeconds;
}
