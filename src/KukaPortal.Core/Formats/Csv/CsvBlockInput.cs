namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads a stream in large blocks and hands out runs of complete lines, carrying a partial last line
/// over to the next block. A line longer than the block grows the buffer, up to a limit.
/// </summary>
internal sealed class CsvBlockInput(Stream stream, int blockSize, int maxLineBytes)
{
    private byte[] _buffer = new byte[blockSize];
    private int _start;
    private int _end;
    private bool _endOfStream;

    public byte[] Buffer => _buffer;

    /// <summary>
    /// Offset and length in <see cref="Buffer"/> of the unread complete lines (the last may lack its line
    /// break at the end of the file); empty once everything was read. <paramref name="nextLine"/> is only
    /// used to name a line that is too long.
    /// </summary>
    public (int Offset, int Length) CompleteLines(long nextLine)
    {
        while (true)
        {
            if (!_endOfStream) Fill();
            var pending = _buffer.AsSpan(_start, _end - _start);
            var lastBreak = pending.LastIndexOf((byte)'\n');
            if (lastBreak >= 0) return (_start, lastBreak + 1);
            if (_endOfStream) return (_start, pending.Length);
            if (pending.Length >= maxLineBytes)
                throw new RecordingFormatException(RecordingErrorKind.Malformed,
                    $"The line is longer than {maxLineBytes / (1 << 20)} MiB; is this a text file?", nextLine);
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 1L));
        }
    }

    public void Consume(int count) => _start += count;

    /// <summary>Skips a UTF-8 byte order mark; call once, before anything else.</summary>
    public void SkipByteOrderMark()
    {
        Fill();
        if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8)) _start += 3;
    }

    /// <summary>Moves the unread tail to the front and reads until the buffer is full or the stream ends.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        while (_end < _buffer.Length)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                return;
            }
            _end += read;
        }
    }
}
