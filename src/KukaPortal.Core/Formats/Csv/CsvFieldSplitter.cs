using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Splits one line into fields the careful way: double quotes (with "" as an escaped quote), spaces
/// around a field trimmed but spaces inside quotes kept. Used for the header and for the rare body lines
/// the fast path gives up on, so it copies field contents into a reusable scratch buffer rather than
/// allocating per field.
/// </summary>
internal sealed class CsvFieldSplitter(byte delimiter)
{
    private byte[] _scratch = new byte[256];
    private readonly List<Range> _fields = [];

    public int Count => _fields.Count;

    public ReadOnlySpan<byte> this[int index] => _scratch.AsSpan(_fields[index]);

    public string Text(int index) => Encoding.UTF8.GetString(this[index]);

    /// <summary>Splits <paramref name="line"/> (without its line break); <paramref name="lineNumber"/> is only for the error.</summary>
    public void Split(ReadOnlySpan<byte> line, long lineNumber)
    {
        _fields.Clear();
        if (_scratch.Length < line.Length) _scratch = new byte[Math.Max(line.Length, _scratch.Length * 2)];

        var written = 0;
        var fieldStart = 0;
        var quoted = false;
        // The quoted part of the current field, which trimming must not eat into.
        int quotedFrom = int.MaxValue, quotedTo = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (quoted)
            {
                if (b != (byte)'"') _scratch[written++] = b;
                else if (i + 1 < line.Length && line[i + 1] == (byte)'"') { _scratch[written++] = b; i++; }
                else { quoted = false; quotedTo = written; }
            }
            else if (b == (byte)'"') { quoted = true; quotedFrom = Math.Min(quotedFrom, written); }
            else if (b == delimiter)
            {
                _fields.Add(Trim(fieldStart, written, quotedFrom, quotedTo));
                fieldStart = written;
                (quotedFrom, quotedTo) = (int.MaxValue, 0);
            }
            else _scratch[written++] = b;
        }
        if (quoted)
            throw new RecordingFormatException(RecordingErrorKind.Malformed, "A quoted field is not closed before the end of the line.", lineNumber);
        _fields.Add(Trim(fieldStart, written, quotedFrom, quotedTo));
    }

    private Range Trim(int start, int end, int quotedFrom, int quotedTo)
    {
        while (start < end && start < quotedFrom && IsBlank(_scratch[start])) start++;
        while (end > start && end > quotedTo && IsBlank(_scratch[end - 1])) end--;
        return start..end;
    }

    public static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';

    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (!IsBlank(b)) return false;
        return true;
    }
}
