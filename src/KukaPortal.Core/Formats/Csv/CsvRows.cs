namespace KukaPortal.Core.Formats;

/// <summary>The rows one parser produced from one block; reused block after block so it grows only once.</summary>
internal sealed class CsvRows(int channels, bool hasTime, bool hasLabel)
{
    private float[] _values = new float[channels * 1024];
    private double[] _times = hasTime ? new double[1024] : [];
    private bool[] _labels = hasLabel ? new bool[1024] : [];

    public int Count { get; private set; }

    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count * channels);
    public ReadOnlySpan<double> Times => _times.AsSpan(0, hasTime ? Count : 0);
    public ReadOnlySpan<bool> Labels => _labels.AsSpan(0, hasLabel ? Count : 0);

    /// <summary>The slots of the row being parsed; it only counts once <see cref="Commit"/> is called.</summary>
    public Span<float> Pending()
    {
        if ((Count + 1) * channels > _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
            if (hasTime) Array.Resize(ref _times, _times.Length * 2);
            if (hasLabel) Array.Resize(ref _labels, _labels.Length * 2);
        }
        return _values.AsSpan(Count * channels, channels);
    }

    public void Commit(double time, bool label)
    {
        if (hasTime) _times[Count] = time;
        if (hasLabel) _labels[Count] = label;
        Count++;
    }

    public void Clear() => Count = 0;
}
