using KukaPortal.Core.Series;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads a delimited text recording: a header row, then one sample per line; numbers use the invariant
/// decimal point; an empty cell is a missing value (NaN). Rejects the whole file at the first structural
/// error, naming the line (1 = the header) and column, because a recording that is half right would
/// train a detector on the wrong thing.
/// </summary>
/// <remarks>
/// Works on UTF-8 bytes in 4 MiB blocks without a string per line. Each block is cut at a line break
/// near its middle and the halves are parsed on two threads; the halves' line numbers are known from
/// counting line breaks, and the first half's error wins, so errors are the same as a serial parse.
/// </remarks>
public static class CsvRecordingReader
{
    private const int BlockSize = 4 << 20;
    private const int MaxLineBytes = 64 << 20;
    private const int ParallelFrom = 1 << 20;

    /// <summary>Reads the whole stream (UTF-8, with or without a byte order mark) into a series.</summary>
    /// <exception cref="RecordingFormatException">The text is not a recording; the exception names the line and column.</exception>
    public static TimeSeries Read(Stream stream, RecordingReadOptions? options = null, ReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        options ??= new RecordingReadOptions();
        limits ??= ReadLimits.Default;
        var input = new CsvBlockInput(stream, BlockSize, MaxLineBytes);
        input.SkipByteOrderMark();

        var (headerBytes, headerLine) = ReadHeaderLine(input);
        var delimiter = options.Delimiter is { } d ? (byte)d : DetectDelimiter(headerBytes);
        var splitter = new CsvFieldSplitter(delimiter);
        splitter.Split(headerBytes, headerLine);
        var header = Enumerable.Range(0, splitter.Count).Select(splitter.Text).ToArray();
        var layout = ColumnLayout.From(header, options, headerLine);

        var body = new CsvBody(layout, limits);
        var time = new CsvTimeColumn();
        var first = new CsvRowParser(delimiter, header, layout, time);
        var second = new CsvRowParser(delimiter, header, layout, time);
        var firstRows = body.NewRows();
        var secondRows = body.NewRows();
        var line = headerLine + 1;

        // The first row alone, so that it fixes the kind of the time column before threads share it.
        int offset, length;
        do
        {
            (offset, length) = input.CompleteLines(line);
            var (used, lines) = first.Parse(input.Buffer.AsSpan(offset, length), line, firstRows, maxRows: 1);
            input.Consume(used);
            line += lines;
        } while (firstRows.Count == 0 && length > 0);
        body.Add(firstRows);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (offset, length) = input.CompleteLines(line);
            if (length == 0) break;

            var block = input.Buffer.AsMemory(offset, length);
            var split = length >= ParallelFrom && Environment.ProcessorCount > 1 ? SplitPoint(block.Span) : length;
            line += split == length
                ? first.Parse(block.Span, line, firstRows).Lines
                : ParseHalves(block, split, line, (first, firstRows), (second, secondRows), cancellationToken);
            body.Add(firstRows);
            body.Add(secondRows);
            input.Consume(length);
        }

        if (body.Rows == 0)
            throw new RecordingFormatException(RecordingErrorKind.NoData, "The file has a header but no data rows.");
        return body.ToSeries();
    }

    /// <summary>
    /// Parses the two halves of a block on two threads and returns the lines used. The second half's
    /// first line number is the first half's plus its line breaks; when both halves fail, the first
    /// half's error is the one a serial parse would have met first.
    /// </summary>
    private static long ParseHalves(ReadOnlyMemory<byte> block, int split, long line,
        (CsvRowParser Parser, CsvRows Rows) first, (CsvRowParser Parser, CsvRows Rows) second, CancellationToken cancellationToken)
    {
        var secondLine = line + block.Span[..split].Count((byte)'\n');
        var secondHalf = block[split..];
        var secondTask = Task.Run(() => second.Parser.Parse(secondHalf.Span, secondLine, second.Rows), cancellationToken);
        RecordingFormatException? firstError = null;
        try { first.Parser.Parse(block.Span[..split], line, first.Rows); }
        catch (RecordingFormatException e) { firstError = e; }

        int secondLines;
        try { secondLines = secondTask.GetAwaiter().GetResult().Lines; }
        catch (RecordingFormatException) when (firstError is not null) { throw firstError; }
        if (firstError is not null) throw firstError;
        return secondLine + secondLines - line;
    }

    /// <summary>The first line that is not blank, and its 1-based line number.</summary>
    private static (byte[] Header, long Line) ReadHeaderLine(CsvBlockInput input)
    {
        long line = 1;
        while (true)
        {
            var (offset, length) = input.CompleteLines(line);
            if (length == 0)
                throw new RecordingFormatException(RecordingErrorKind.EmptyFile, "The file is empty.");
            var lines = input.Buffer.AsSpan(offset, length);
            var end = lines.IndexOf((byte)'\n');
            var text = end < 0 ? lines : lines[..end];
            input.Consume(end < 0 ? length : end + 1);
            if (!CsvFieldSplitter.IsBlank(text)) return (text.ToArray(), line);
            line++;
        }
    }

    /// <summary>The most frequent of tab, semicolon and comma in the header; a comma when there is none.</summary>
    private static byte DetectDelimiter(ReadOnlySpan<byte> header)
    {
        byte best = (byte)',';
        var bestCount = 0;
        foreach (var candidate in "\t;,"u8)
        {
            var count = header.Count(candidate);
            if (count > bestCount) (best, bestCount) = (candidate, count);
        }
        return best;
    }

    /// <summary>Just after the first line break past the middle of the block, or the block's end when there is none.</summary>
    private static int SplitPoint(ReadOnlySpan<byte> block)
    {
        var middle = block.Length / 2;
        var lineBreak = block[middle..].IndexOf((byte)'\n');
        return lineBreak < 0 ? block.Length : middle + lineBreak + 1;
    }
}
