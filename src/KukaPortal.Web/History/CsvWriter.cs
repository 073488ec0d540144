using System.Globalization;
using System.Text;

namespace KukaPortal.Web.History;

/// <summary>
/// Writes RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, inner quotes
/// doubled. Numbers in the invariant culture, times as ISO 8601 UTC. Rows go straight to the stream.
/// </summary>
public sealed class CsvWriter(Stream stream) : IAsyncDisposable
{
    // leaveOpen: the stream is the response body, which ASP.NET Core owns.
    private readonly StreamWriter writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    public Task WriteRowAsync(params object?[] fields) =>
        writer.WriteLineAsync(string.Join(',', fields.Select(Field)));

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset t => HistoryRange.Iso(t),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    public Task FlushAsync() => writer.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
