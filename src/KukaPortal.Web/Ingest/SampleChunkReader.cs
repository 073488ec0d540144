using System.Globalization;
using System.Text;
using System.Text.Json;
using KukaPortal.Core.Streaming;

namespace KukaPortal.Web.Ingest;

/// <summary>
/// Reads an ingest request body: JSON <c>{"timestamps":[...], "channels":[...], "values":[[...]...]}</c>
/// or CSV (<c>text/csv</c>) with a <c>timestamp</c> column and one column per channel. Timestamps are
/// epoch seconds or ISO-8601 strings. Only the shape is checked here; <see cref="SampleChecks"/> does the rest.
/// </summary>
public static class SampleChunkReader
{
    public static IncomingSamples Read(string body, string? contentType)
    {
        var media = (contentType ?? "").Split(';')[0].Trim();
        return media.Equals("text/csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(body) : ReadJson(body);
    }

    private static IncomingSamples ReadJson(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SampleFormatException($"The body is not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SampleFormatException("The body must be a JSON object with timestamps, channels and values.");
            var timestamps = Array(root, "timestamps").Select((t, row) => Timestamp(t, row)).ToArray();
            var channels = Array(root, "channels").Select((c, i) => c.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(c.GetString())
                ? c.GetString()!.Trim() : throw new SampleFormatException($"channels[{i}] must be a non-empty string.")).ToArray();
            var rows = Array(root, "values").Select((r, row) =>
            {
                if (r.ValueKind != JsonValueKind.Array) throw new SampleFormatException($"values[{row}] must be an array of numbers.");
                return r.EnumerateArray().Select((v, c) => v.ValueKind == JsonValueKind.Number
                    ? v.GetDouble()
                    : throw new SampleFormatException($"Row {row}, column {c}: {v.GetRawText()} is not a number.")).ToArray();
            }).ToArray();
            return new IncomingSamples(channels, timestamps, rows);
        }
    }

    private static JsonElement[] Array(JsonElement root, string name)
    {
        var property = root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (property.Value.ValueKind != JsonValueKind.Array)
            throw new SampleFormatException($"The body needs an array '{name}'.");
        return property.Value.EnumerateArray().ToArray();
    }

    private static double Timestamp(JsonElement element, int row) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => ParseTimestamp(element.GetString()!, row),
        _ => throw new SampleFormatException($"Row {row}: the timestamp {element.GetRawText()} is neither epoch seconds nor an ISO-8601 string."),
    };

    /// <summary>Epoch seconds, or an ISO-8601 time (UTC unless it names its offset).</summary>
    private static double ParseTimestamp(string text, int row)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return seconds;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return (time - DateTimeOffset.UnixEpoch).TotalSeconds;
        throw new SampleFormatException($"Row {row}: the timestamp '{text}' is neither epoch seconds nor an ISO-8601 time.");
    }

    private static IncomingSamples ReadCsv(string body)
    {
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) throw new SampleFormatException("The CSV body is empty; it needs a header line.");
        var delimiter = lines[0].Contains(';') && !lines[0].Contains(',') ? ';' : ',';
        var header = lines[0].Split(delimiter).Select(h => h.Trim().Trim('"')).ToArray();
        var timeColumn = System.Array.FindIndex(header, h => h.Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        if (timeColumn < 0) throw new SampleFormatException("The CSV header needs a 'timestamp' column.");
        var channels = header.Where((_, i) => i != timeColumn).ToArray();

        var timestamps = new double[lines.Length - 1];
        var rows = new double[lines.Length - 1][];
        for (var line = 1; line < lines.Length; line++)
        {
            var row = line - 1;
            var cells = lines[line].Split(delimiter);
            if (cells.Length != header.Length)
                throw new SampleFormatException($"Row {row} has {cells.Length} cells; the header has {header.Length}.");
            timestamps[row] = ParseTimestamp(cells[timeColumn].Trim('"'), row);
            var values = new double[channels.Length];
            for (int cell = 0, c = 0; cell < cells.Length; cell++)
            {
                if (cell == timeColumn) continue;
                if (!double.TryParse(cells[cell].Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]))
                    throw new SampleFormatException($"Row {row}, column '{channels[c]}': '{cells[cell]}' is not a number.");
                c++;
            }
            rows[row] = values;
        }
        return new IncomingSamples(channels, timestamps, rows);
    }

    /// <summary>Reads the body as text, refusing more than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct) =>
        await BoundedBody.ReadAsync(request, maxBytes, ct) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
