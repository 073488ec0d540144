namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// The blob store's disk with as many free bytes as a test leaves it. Files are real files: the bytes that fit are
/// written, then the write fails exactly as .NET reports a full disk on Linux (an <see cref="IOException"/> whose
/// HResult is errno 28, ENOSPC, with the same message; checked on a 1 MB tmpfs). Unlimited unless a test says otherwise.
/// </summary>
public sealed class FullDisk
{
    private const int Enospc = 28;
    private long _free = long.MaxValue;

    public void Leave(long freeBytes) => Interlocked.Exchange(ref _free, freeBytes);

    public void Unlimited() => Leave(long.MaxValue);

    /// <summary>What the blob store gets instead of opening its file itself.</summary>
    public Stream CreateFile(string path) =>
        new FillingStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true), path, this);

    /// <summary>Takes up to <paramref name="wanted"/> bytes of the free space; how many it got.</summary>
    private int Take(int wanted)
    {
        while (true)
        {
            var free = Volatile.Read(ref _free);
            var granted = (int)Math.Min(wanted, free);
            if (free == long.MaxValue || Interlocked.CompareExchange(ref _free, free - granted, free) == free) return granted;
        }
    }

    private sealed class FillingStream(FileStream file, string path, FullDisk disk) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => file.CanSeek;
        public override bool CanWrite => true;
        public override long Length => file.Length;
        public override long Position { get => file.Position; set => file.Position = value; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var granted = disk.Take(buffer.Length);
            file.Write(buffer[..granted]);
            if (granted < buffer.Length) throw NoSpace();
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            var granted = disk.Take(buffer.Length);
            await file.WriteAsync(buffer[..granted], ct);
            if (granted < buffer.Length) throw NoSpace();
        }

        private IOException NoSpace() => new($"No space left on device : '{path}'", Enospc);

        public override void Flush() => file.Flush();
        public override Task FlushAsync(CancellationToken ct) => file.FlushAsync(ct);
        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
        public override void SetLength(long value) => file.SetLength(value);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
