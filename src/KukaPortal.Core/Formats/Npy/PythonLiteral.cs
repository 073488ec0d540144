using System.Globalization;
using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads the small subset of Python literals an NPY header is written in: a dict of strings, booleans,
/// integers and tuples (<c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>). It never
/// evaluates anything, which is the point: the header comes from an untrusted upload.
/// </summary>
internal sealed class PythonLiteral
{
    private readonly string _text;
    private int _position;

    private PythonLiteral(string text) => _text = text;

    /// <summary>Dict → Dictionary, tuple/list → List, str → string, int → long, True/False → bool, None → null.</summary>
    public static object? Parse(string text)
    {
        var parser = new PythonLiteral(text);
        var value = parser.Value();
        parser.SkipSpace();
        if (parser._position != text.Length) throw parser.Error("unexpected text after the dictionary");
        return value;
    }

    private object? Value()
    {
        SkipSpace();
        if (_position >= _text.Length) throw Error("it ends too early");
        return _text[_position] switch
        {
            '{' => Dictionary(),
            '(' => Sequence(')'),
            '[' => Sequence(']'),
            '\'' or '"' => String(),
            >= '0' and <= '9' or '-' or '+' => Integer(),
            _ => Word(),
        };
    }

    private Dictionary<string, object?> Dictionary()
    {
        _position++;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Take('}')) return result;
            if (Value() is not string key) throw Error("a key is not a string");
            SkipSpace();
            if (!Take(':')) throw Error("a ':' is missing");
            result[key] = Value();
            SkipSpace();
            if (Take('}')) return result;
            if (!Take(',')) throw Error("a ',' is missing");
        }
    }

    private List<object?> Sequence(char close)
    {
        _position++;
        var items = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (Take(close)) return items;
            items.Add(Value());
            SkipSpace();
            if (Take(close)) return items;
            if (!Take(',')) throw Error("a ',' is missing");
        }
    }

    private string String()
    {
        var quote = _text[_position++];
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            if (_text[_position] == '\\' && _position + 1 < _text.Length) _position++;
            builder.Append(_text[_position++]);
        }
        if (!Take(quote)) throw Error("a string is not closed");
        return builder.ToString();
    }

    private long Integer()
    {
        var start = _position;
        if (_text[_position] is '-' or '+') _position++;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        var digits = _text[start.._position];
        if (_position < _text.Length && _text[_position] is 'L' or 'l') _position++; // Python 2 wrote 3L
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error($"'{digits}' is not an integer this reader can hold");
        return value;
    }

    private object? Word()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_')) _position++;
        return _text[start.._position] switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            var word => throw Error(word.Length == 0 ? $"unexpected '{_text[start]}'" : $"'{word}' is not a literal"),
        };
    }

    private bool Take(char expected)
    {
        if (_position >= _text.Length || _text[_position] != expected) return false;
        _position++;
        return true;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private RecordingFormatException Error(string detail) =>
        new(RecordingErrorKind.Malformed, $"The NPY header cannot be read: {detail}.");
}
