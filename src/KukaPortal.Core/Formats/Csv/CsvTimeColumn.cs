using System.Globalization;
using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Reads the time column. The first data row decides whether it holds seconds or ISO 8601 times, and
/// ISO times become seconds from that first row. The first row is always parsed before the rest of the
/// file is split between threads, so the state below is written once and then only read.
/// </summary>
internal sealed class CsvTimeColumn
{
    private enum Kind { Unknown, Seconds, Iso }

    private Kind _kind;
    private long _originTicks;

    public bool TryParse(ReadOnlySpan<byte> text, out double seconds)
    {
        if (_kind != Kind.Iso && TryParseSeconds(text, out seconds))
        {
            if (_kind == Kind.Unknown) _kind = Kind.Seconds;
            return true;
        }
        if (_kind != Kind.Seconds && TryParseIso(text, out var utcTicks))
        {
            if (_kind == Kind.Unknown)
            {
                _originTicks = utcTicks;
                _kind = Kind.Iso;
            }
            seconds = (utcTicks - _originTicks) / (double)TimeSpan.TicksPerSecond;
            return true;
        }
        seconds = 0;
        return false;
    }

    /// <summary>Why <paramref name="text"/> was refused, phrased for the kind of times seen so far.</summary>
    public string Problem(ReadOnlySpan<byte> text) => _kind switch
    {
        _ when text.IsEmpty => "The time is missing.",
        Kind.Seconds => $"'{CsvText.Shorten(text)}' is not a number of seconds like the times before it.",
        Kind.Iso => $"'{CsvText.Shorten(text)}' is not an ISO 8601 time like the times before it.",
        _ => $"'{CsvText.Shorten(text)}' is neither seconds nor an ISO 8601 time.",
    };

    private static bool TryParseSeconds(ReadOnlySpan<byte> text, out double seconds)
    {
        if (Utf8Number.TryParseDouble(text, out seconds) == text.Length && !text.IsEmpty) return true;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && double.IsFinite(seconds);
    }

    private static bool TryParseIso(ReadOnlySpan<byte> text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.IsEmpty || text.Length > 64) return false;
        Span<char> chars = stackalloc char[64];
        var count = Encoding.UTF8.GetChars(text, chars);
        if (!DateTimeOffset.TryParse(chars[..count], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return false;
        utcTicks = time.UtcTicks;
        return true;
    }
}
