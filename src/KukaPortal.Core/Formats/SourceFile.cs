namespace KukaPortal.Core.Formats;

/// <summary>
/// One file handed to <see cref="RecordingFileReader"/>. <paramref name="Open"/> may be called more
/// than once and each call must return a fresh stream positioned at the start; the reader disposes it.
/// <paramref name="Name"/> is the file name as the user sent it: its extension helps detect the format
/// and its stem names the recording. <paramref name="Length"/>, when known, lets truncated files be
/// refused before anything is allocated.
/// </summary>
public sealed record SourceFile(string Name, Func<Stream> Open, long? Length = null)
{
    /// <summary>A file on disk.</summary>
    public static SourceFile FromPath(string path) =>
        new(Path.GetFileName(path), () => File.OpenRead(path), new FileInfo(path).Length);

    /// <summary>Bytes already in memory (tests, small uploads).</summary>
    public static SourceFile FromBytes(string name, byte[] bytes) =>
        new(name, () => new MemoryStream(bytes, writable: false), bytes.Length);
}
