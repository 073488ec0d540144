using System.Globalization;
using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads a delimited text recording: a header row, then one sample per line; numbers use the invariant
/// decimal point. Rejects the whole file at the first structural error, naming the line and column,
/// because a recording that is half right would train a detector on the wrong thing.
/// </summary>
public static class CsvRecordingReader
{
    public static TimeSeries Read(Stream stream, CsvReadOptions? options = null)
    {
        options ??= new CsvReadOptions();
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);

        var headerLine = reader.ReadLine();
        while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine))
            headerLine = reader.ReadLine();
        if (headerLine is null)
            throw new RecordingFormatException("The file is empty.");

        var delimiter = options.Delimiter ?? DetectDelimiter(headerLine);
        var header = CsvLine.Split(headerLine, delimiter);
        var layout = CsvLayout.From(header, options);

        var values = new List<float>(1 << 16);
        var timestamps = layout.TimestampIndex is null ? null : new List<double>();
        var labels = layout.LabelIndex is null ? null : new List<bool>();
        long lineNumber = 1;
        DateTimeOffset? firstTime = null;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = CsvLine.Split(line, delimiter);
            if (fields.Count != header.Count)
                throw new RecordingFormatException($"Expected {header.Count} fields as in the header, found {fields.Count}.", lineNumber);

            foreach (var (index, name) in layout.Channels)
                values.Add(ParseNumber(fields[index], lineNumber, name));
            if (layout.TimestampIndex is { } ti)
                timestamps!.Add(ParseTime(fields[ti], lineNumber, header[ti], ref firstTime));
            if (layout.LabelIndex is { } li)
                labels!.Add(ParseLabel(fields[li], lineNumber, header[li]));
        }

        if (values.Count == 0)
            throw new RecordingFormatException("The file has a header but no data rows.");

        return new TimeSeries(layout.Channels.Select(c => c.Name).ToArray(), values.ToArray(), timestamps?.ToArray(), labels?.ToArray());
    }

    private static char DetectDelimiter(string header)
    {
        char[] candidates = ['\t', ';', ','];
        return candidates.OrderByDescending(c => header.Count(ch => ch == c)).First(c => header.Contains(c) || c == ',');
    }

    private static float ParseNumber(string text, long line, string column)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        if (string.IsNullOrWhiteSpace(text))
            return float.NaN;
        throw new RecordingFormatException($"'{Shorten(text)}' is not a number.", line, column);
    }

    private static double ParseTime(string text, long line, string column, ref DateTimeOffset? first)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            first ??= time;
            return (time - first.Value).TotalSeconds;
        }
        throw new RecordingFormatException($"'{Shorten(text)}' is neither seconds nor an ISO 8601 time.", line, column);
    }

    private static bool ParseLabel(string text, long line, string column) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => throw new RecordingFormatException($"'{Shorten(text)}' is not a label (0/1 or true/false).", line, column),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
