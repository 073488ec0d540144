using System.Globalization;
using System.Text;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Writes a series as UTF-8 delimited text that <see cref="CsvRecordingReader"/> reads back exactly:
/// a <c>timestamp</c> column of seconds first and a <c>label</c> column (0/1) last when the series has
/// them; numbers in their shortest round-trip form; a missing value (NaN) as an empty cell.
/// </summary>
public static class CsvRecordingWriter
{
    /// <summary>Writes <paramref name="series"/> with ',' ';' or tab between fields and '\n' line ends.</summary>
    public static void Write(Stream stream, TimeSeries series, char delimiter = ',')
    {
        var header = new List<string>();
        if (series.Timestamps is not null) header.Add("timestamp");
        header.AddRange(series.Channels);
        if (series.Labels is not null) header.Add("label");
        stream.Write(Encoding.UTF8.GetBytes(string.Join(delimiter, header.Select(h => Quote(h, delimiter))) + "\n"));

        var output = new Utf8Output(stream, (byte)delimiter);
        for (var row = 0; row < series.Rows; row++)
        {
            if (series.Timestamps is { } times) output.Field(times[row]);
            for (var channel = 0; channel < series.ChannelCount; channel++)
            {
                var value = series[row, channel];
                if (float.IsNaN(value)) output.EmptyField();
                else output.Field(value);
            }
            if (series.Labels is { } labels) output.Field(labels[row] ? 1 : 0);
            output.EndLine();
        }
        output.Flush();
    }

    private static string Quote(string name, char delimiter) =>
        name.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 || name.Trim() != name
            ? "\"" + name.Replace("\"", "\"\"") + "\""
            : name;

    /// <summary>Formats straight into a byte buffer, flushed in 64 KiB writes.</summary>
    private sealed class Utf8Output(Stream stream, byte delimiter)
    {
        private const int LongestField = 64;
        private readonly byte[] _buffer = new byte[64 << 10];
        private int _used;
        private bool _lineStarted;

        public void Field<T>(T value) where T : IUtf8SpanFormattable
        {
            Separate();
            if (!value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture))
                throw new InvalidOperationException($"{value} does not fit {LongestField} bytes.");
            _used += written;
        }

        public void EmptyField() => Separate();

        public void EndLine()
        {
            _buffer[_used++] = (byte)'\n';
            _lineStarted = false;
        }

        public void Flush()
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }

        private void Separate()
        {
            if (_used > _buffer.Length - LongestField) Flush();
            if (_lineStarted) _buffer[_used++] = delimiter;
            _lineStarted = true;
        }
    }
}
