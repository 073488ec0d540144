using System.Globalization;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Passes an entry's inflated bytes through but stops at the size its header declared: the limits were
/// checked against declared sizes, and a lying header must not get past them while inflating.
/// </summary>
internal sealed class InflateLimitStream(Stream inner, long declaredLength, string entryName) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte more than may remain, so that an overrun is seen rather than silently cut off.
        var allowed = (int)Math.Min(buffer.Length, declaredLength - _read + 1);
        var got = inner.Read(buffer[..allowed]);
        _read += got;
        if (_read > declaredLength)
            throw ZipEntryName.Refuse(entryName, string.Create(CultureInfo.InvariantCulture,
                $"inflates to more than the {declaredLength:N0} bytes its header declares"));
        return got;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => declaredLength;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
