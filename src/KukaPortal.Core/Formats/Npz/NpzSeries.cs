using System.IO.Compression;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// How the portal stores a validated recording: NumPy's own <c>.npz</c> layout (an uncompressed zip of
/// .npy arrays), so loading is a block copy and an engineer can open the file with <c>numpy.load</c>.
/// Entries: <c>values</c> (float32 rows × channels), <c>channels</c> (names), and, when present,
/// <c>timestamps</c> (float64 seconds) and <c>labels</c> (bool).
/// </summary>
public static class NpzSeries
{
    private const string Values = "values.npy";
    private const string ChannelNames = "channels.npy";
    private const string Timestamps = "timestamps.npy";
    private const string Labels = "labels.npy";

    public static void Write(Stream stream, TimeSeries series)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        // No compression: sensor floats barely compress, and loading speed matters more than disk.
        Entry(zip, Values, s => NpyWriter.WriteMatrix(s, series.Values, series.Rows, series.ChannelCount));
        Entry(zip, ChannelNames, s => NpyWriter.WriteStrings(s, series.Channels));
        if (series.Timestamps is { } times) Entry(zip, Timestamps, s => NpyVectors.WriteDoubles(s, times));
        if (series.Labels is { } labels) Entry(zip, Labels, s => NpyVectors.WriteBools(s, labels));
    }

    public static TimeSeries Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var matrix = Open(zip, Values, s => NpyReader.ReadMatrix(s, ReadLimits.Default))!;
        var channels = Open(zip, ChannelNames, s => NpyReader.ReadStrings(s, ReadLimits.Default))!;
        var timestamps = Open(zip, Timestamps, NpyVectors.ReadDoubles);
        var labels = Open(zip, Labels, NpyVectors.ReadBools);
        return new TimeSeries(channels, matrix.Values, timestamps, labels);
    }

    private static void Entry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        write(entry);
    }

    private static T? Open<T>(ZipArchive zip, string name, Func<Stream, T> read) where T : class
    {
        var entry = zip.GetEntry(name);
        if (entry is null)
            return name is Values or ChannelNames
                ? throw new RecordingFormatException(RecordingErrorKind.Malformed, $"The stored recording has no '{name}'.")
                : null;
        using var stream = entry.Open();
        return read(stream);
    }
}
