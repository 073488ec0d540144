namespace KukaPortal.Core.Streaming;

/// <summary>
/// Cuts windows of W rows at a stride out of samples that arrive in chunks of any size. Rows are
/// numbered from <c>firstRow</c> on, windows from <c>firstWindowIndex</c> on, so a stream resumed at a
/// stored (next window index, next window start row) cuts exactly the windows it would have cut
/// without the interruption. Only the rows a later window still needs are kept.
/// </summary>
public sealed class WindowFormer
{
    private readonly int _channels;
    private readonly List<float> _values = [];
    private readonly List<double> _times = [];
    private long _bufferStartRow;

    public WindowFormer(int channels, int window, int stride, long firstRow = 0, int firstWindowIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegative(firstWindowIndex);
        _channels = channels;
        Window = window;
        Stride = stride;
        NextRow = firstRow;
        _bufferStartRow = firstRow;
        NextWindowStartRow = firstRow;
        NextWindowIndex = firstWindowIndex;
    }

    public int Window { get; }
    public int Stride { get; }

    /// <summary>The stream row number the next appended row gets.</summary>
    public long NextRow { get; private set; }

    /// <summary>Where the next window starts: the row a resumed stream must restart from.</summary>
    public long NextWindowStartRow { get; private set; }

    public int NextWindowIndex { get; private set; }

    /// <summary>Rows held for windows not yet complete.</summary>
    public int BufferedRows => _times.Count;

    /// <summary>Appends rows (row-major values, one timestamp per row) and returns the windows they completed, in order.</summary>
    /// <exception cref="ArgumentException">The values do not fill one row per timestamp.</exception>
    public IReadOnlyList<FormedWindow> Append(ReadOnlySpan<float> values, ReadOnlySpan<double> timestamps)
    {
        if (values.Length != timestamps.Length * _channels)
            throw new ArgumentException($"{values.Length} values do not fill {timestamps.Length} rows of {_channels} channels.", nameof(values));

        for (var row = 0; row < timestamps.Length; row++)
        {
            // Rows between windows (stride above W) are never needed, so they are not kept.
            if (NextRow >= NextWindowStartRow)
            {
                if (_times.Count == 0) _bufferStartRow = NextRow;
                _values.AddRange(values.Slice(row * _channels, _channels));
                _times.Add(timestamps[row]);
            }
            NextRow++;
        }

        var formed = new List<FormedWindow>();
        while (NextWindowStartRow + Window <= NextRow)
        {
            var offset = (int)(NextWindowStartRow - _bufferStartRow);
            var rows = _values.GetRange(offset * _channels, Window * _channels).ToArray();
            formed.Add(new FormedWindow(NextWindowIndex, NextWindowStartRow, rows, _times[offset], _times[offset + Window - 1]));
            NextWindowIndex++;
            NextWindowStartRow += Stride;
        }
        DropRowsBefore(NextWindowStartRow);
        return formed;
    }

    private void DropRowsBefore(long row)
    {
        var drop = (int)Math.Min(_times.Count, Math.Max(0, row - _bufferStartRow));
        if (drop == 0) return;
        _values.RemoveRange(0, drop * _channels);
        _times.RemoveRange(0, drop);
        _bufferStartRow += drop;
    }
}
