using System.IO.Compression;
using System.Text;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Tests.Formats;

/// <summary>Builds small in-memory files and reads them through the public entry point.</summary>
internal static class Files
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static SourceFile Text(string name, string text) => SourceFile.FromBytes(name, Encoding.UTF8.GetBytes(text));

    public static SourceFile Bytes(string name, byte[] bytes) => SourceFile.FromBytes(name, bytes);

    /// <summary>A file whose stream cannot seek and whose length is unknown, like an upload read as it arrives.</summary>
    public static SourceFile ForwardOnly(string name, byte[] bytes) => new(name, () => new ForwardOnlyStream(bytes));

    public static Task<IReadOnlyList<ParsedRecording>> Read(params SourceFile[] files) =>
        RecordingFileReader.ReadAsync(files, cancellationToken: Ct);

    public static Task<RecordingBatch> ReadEach(ReadLimits? limits = null, params SourceFile[] files) =>
        RecordingFileReader.ReadEachAsync(files, limits: limits, cancellationToken: Ct);

    /// <summary>The one failure of a batch that is expected to fail.</summary>
    public static async Task<RecordingFormatException> Failure(ReadLimits? limits, params SourceFile[] files)
    {
        var batch = await ReadEach(limits, files);
        batch.Recordings.ShouldBeEmpty();
        return batch.Failures.ShouldHaveSingleItem().Error;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A small series with times and labels: value of channel c at row r is r * 10 + c + 0.5.</summary>
    public static TimeSeries Sample(int rows, int channels, bool times = true, bool labels = true) =>
        new(Enumerable.Range(0, channels).Select(c => $"c{c}").ToArray(),
            Enumerable.Range(0, rows * channels).Select(i => i / channels * 10 + i % channels + 0.5f).ToArray(),
            times ? Enumerable.Range(0, rows).Select(r => r * 0.004).ToArray() : null,
            labels ? Enumerable.Range(0, rows).Select(r => r % 3 == 0).ToArray() : null);

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
