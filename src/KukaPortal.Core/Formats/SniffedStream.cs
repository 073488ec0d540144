namespace KukaPortal.Core.Formats;

/// <summary>
/// A read-only stream whose first bytes were already read to detect the format; it hands them out again
/// before continuing with the rest, so that forward-only streams (zip entries) need not be opened twice.
/// </summary>
internal sealed class SniffedStream : Stream
{
    public const int HeadLength = 8;

    private readonly Stream _inner;
    private readonly byte[] _head;
    private int _headPosition;
    private long _position;

    private SniffedStream(Stream inner, byte[] head)
    {
        _inner = inner;
        _head = head;
    }

    /// <summary>The first bytes (fewer for a tiny file).</summary>
    public ReadOnlySpan<byte> Head => _head;

    public static SniffedStream Open(Stream inner)
    {
        var head = new byte[HeadLength];
        var got = inner.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return new SniffedStream(inner, head[..got]);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int got;
        if (_headPosition < _head.Length)
        {
            got = Math.Min(buffer.Length, _head.Length - _headPosition);
            _head.AsSpan(_headPosition, got).CopyTo(buffer);
            _headPosition += got;
        }
        else got = _inner.Read(buffer);
        _position += got;
        return got;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
