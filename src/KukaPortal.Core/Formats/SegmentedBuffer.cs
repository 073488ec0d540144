namespace KukaPortal.Core.Formats;

/// <summary>
/// Collects values of unknown count in fixed-size segments, so growing never copies what is already
/// held; the one copy into an exact-size array at the end keeps the peak near twice the decoded data
/// (a doubling list peaks at three times, plus its final trim).
/// </summary>
internal sealed class SegmentedBuffer<T>
{
    private const int SegmentLength = 1 << 20;
    private readonly List<T[]> _segments = [];
    private int _usedInLast = SegmentLength;

    public long Count { get; private set; }

    public void Append(ReadOnlySpan<T> items)
    {
        while (!items.IsEmpty)
        {
            if (_usedInLast == SegmentLength)
            {
                _segments.Add(new T[SegmentLength]);
                _usedInLast = 0;
            }
            var take = Math.Min(items.Length, SegmentLength - _usedInLast);
            items[..take].CopyTo(_segments[^1].AsSpan(_usedInLast));
            _usedInLast += take;
            Count += take;
            items = items[take..];
        }
    }

    /// <summary>Copies everything into one array and lets go of the segments.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        var offset = 0;
        for (var i = 0; i < _segments.Count; i++)
        {
            var length = i == _segments.Count - 1 ? _usedInLast : SegmentLength;
            _segments[i].AsSpan(0, length).CopyTo(result.AsSpan(offset));
            offset += length;
            _segments[i] = [];
        }
        _segments.Clear();
        return result;
    }
}
