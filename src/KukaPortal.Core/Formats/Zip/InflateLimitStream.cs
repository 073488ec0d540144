using System.Globalization;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Passes an entry's inflated bytes through, stopping at the size its header declared (the limits were
/// checked against declared sizes, and a stored entry whose header lies would otherwise deliver more),
/// and checks the entry's CRC-32 once the end is reached.
/// </summary>
internal sealed class InflateLimitStream(Stream inner, long declaredLength, uint expectedCrc, string entryName) : Stream
{
    private long _read;
    private uint _crc;
    private bool _checked;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        // Ask for one byte more than may remain, so that an overrun is seen rather than silently cut off.
        var allowed = (int)Math.Min(buffer.Length, declaredLength - _read + 1);
        var got = inner.Read(buffer[..allowed]);
        _read += got;
        if (_read > declaredLength)
            throw ZipEntryName.Refuse(entryName, string.Create(CultureInfo.InvariantCulture,
                $"inflates to more than the {declaredLength:N0} bytes its header declares"));
        _crc = Crc32.Append(_crc, buffer[..got]);
        if (got == 0 && !_checked)
        {
            _checked = true;
            if (_read != declaredLength || _crc != expectedCrc)
                throw ZipEntryName.Refuse(entryName, "does not match its checksum (damaged, or its header lies about its size)");
        }
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
