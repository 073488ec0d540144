using System.Globalization;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Turns a block of complete lines into rows. Each line is first tried on a fast path that assumes the
/// common case (unquoted plain numbers, one delimiter between them); at the first surprise the line is
/// parsed again the careful way, which is also the only place errors are raised, so both paths agree.
/// One instance per thread: the splitter's scratch buffer is not shared.
/// </summary>
internal sealed class CsvRowParser
{
    private const int Skip = -1, Time = -2, Label = -3;

    private readonly byte _delimiter;
    private readonly IReadOnlyList<string> _header;
    private readonly int[] _roles;
    private readonly CsvTimeColumn _time;
    private readonly CsvFieldSplitter _splitter;

    public CsvRowParser(byte delimiter, IReadOnlyList<string> header, ColumnLayout layout, CsvTimeColumn time)
    {
        _delimiter = delimiter;
        _header = header;
        _time = time;
        _splitter = new CsvFieldSplitter(delimiter);
        _roles = new int[header.Count];
        Array.Fill(_roles, Skip);
        for (var c = 0; c < layout.Channels.Count; c++) _roles[layout.Channels[c].Index] = c;
        if (layout.TimestampIndex is { } t) _roles[t] = Time;
        if (layout.LabelIndex is { } l) _roles[l] = Label;
    }

    /// <summary>
    /// Parses lines of <paramref name="block"/> (which ends at a line break or at the end of the file)
    /// until it is used up or <paramref name="maxRows"/> rows were read; returns the bytes and lines used.
    /// </summary>
    public (int Bytes, int Lines) Parse(ReadOnlySpan<byte> block, long firstLine, CsvRows rows, int maxRows = int.MaxValue)
    {
        var position = 0;
        var lines = 0;
        var taken = 0;
        while (position < block.Length && taken < maxRows)
        {
            if (block[position] == (byte)'\n')
            {
                position++;
                lines++;
                continue;
            }
            var next = -1;
            if (!CsvFieldSplitter.IsBlank(block[position]))
                next = ParseFast(block, position, rows);
            if (next < 0)
                next = ParseCareful(block, position, firstLine + lines, rows);
            if (next < 0)
                next = -next;
            else
                taken++;
            position = next;
            lines++;
        }
        return (position, lines);
    }

    /// <summary>Returns where the next line starts, or -1 when the line needs the careful path.</summary>
    private int ParseFast(ReadOnlySpan<byte> block, int position, CsvRows rows)
    {
        var values = rows.Pending();
        double time = 0;
        var label = false;
        var last = _roles.Length - 1;
        for (var column = 0; column <= last; column++)
        {
            var role = _roles[column];
            if (role >= 0)
            {
                var used = Utf8Number.TryParseFloat(block[position..], out values[role]);
                if (used == 0) return -1;
                position += used;
            }
            else
            {
                var rest = block[position..];
                var length = rest.IndexOfAny(_delimiter, (byte)'\n');
                if (length < 0) length = rest.Length;
                var field = rest[..length];
                if (field.Length > 0 && field[^1] == (byte)'\r') field = field[..^1];
                if (field.IndexOf((byte)'"') >= 0 || field.IsEmpty || CsvFieldSplitter.IsBlank(field[0]) || CsvFieldSplitter.IsBlank(field[^1])) return -1;
                if (role == Time && !_time.TryParse(field, out time)) return -1;
                if (role == Label && !CsvText.TryParseLabel(field, out label)) return -1;
                position += field.Length;
            }

            if (column < last)
            {
                if (position >= block.Length || block[position] != _delimiter) return -1;
                position++;
            }
        }

        if (position < block.Length && block[position] == (byte)'\r') position++;
        if (position < block.Length && block[position] != (byte)'\n') return -1;
        rows.Commit(time, label);
        return Math.Min(position + 1, block.Length);
    }

    /// <summary>
    /// The reference parse of one line. Returns where the next line starts; negated when the line was
    /// blank and produced no row.
    /// </summary>
    private int ParseCareful(ReadOnlySpan<byte> block, int position, long lineNumber, CsvRows rows)
    {
        var rest = block[position..];
        var end = rest.IndexOf((byte)'\n');
        var next = end < 0 ? block.Length : position + end + 1;
        var line = end < 0 ? rest : rest[..end];
        if (CsvFieldSplitter.IsBlank(line)) return -next;

        _splitter.Split(line, lineNumber);
        if (_splitter.Count != _roles.Length)
            throw new RecordingFormatException(RecordingErrorKind.RaggedRow,
                $"Expected {_roles.Length} fields as in the header, found {_splitter.Count}.", lineNumber);

        var values = rows.Pending();
        double time = 0;
        var label = false;
        for (var column = 0; column < _roles.Length; column++)
        {
            var field = _splitter[column];
            switch (_roles[column])
            {
                case >= 0 and var channel:
                    values[channel] = ParseNumber(field, lineNumber, column);
                    break;
                case Time when !_time.TryParse(field, out time):
                    throw new RecordingFormatException(RecordingErrorKind.BadTime, _time.Problem(field), lineNumber, _header[column]);
                case Label when !CsvText.TryParseLabel(field, out label):
                    throw new RecordingFormatException(RecordingErrorKind.BadLabel, CsvText.LabelProblem(field), lineNumber, _header[column]);
            }
        }
        rows.Commit(time, label);
        return next;
    }

    /// <summary>An empty cell is a missing value (NaN); the validation report counts them and the policy decides.</summary>
    private float ParseNumber(ReadOnlySpan<byte> field, long lineNumber, int column)
    {
        if (field.IsEmpty) return float.NaN;
        if (Utf8Number.TryParseFloat(field, out var value) == field.Length) return value;
        if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return value;
        throw new RecordingFormatException(RecordingErrorKind.NotANumber, $"'{CsvText.Shorten(field)}' is not a number.", lineNumber, _header[column]);
    }
}
