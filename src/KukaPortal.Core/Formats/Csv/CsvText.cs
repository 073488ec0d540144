using System.Text;

namespace KukaPortal.Core.Formats;

/// <summary>Small helpers for cell text in messages and for the label column.</summary>
internal static class CsvText
{
    /// <summary>A cell as it appears in an error message: decoded, and cut so that a runaway cell cannot flood the message.</summary>
    public static string Shorten(ReadOnlySpan<byte> text)
    {
        var decoded = Encoding.UTF8.GetString(text.Length <= 160 ? text : text[..160]);
        return decoded.Length <= 40 ? decoded : decoded[..40] + "…";
    }

    public static bool TryParseLabel(ReadOnlySpan<byte> text, out bool anomalous)
    {
        anomalous = false;
        if (text.Length == 1 && text[0] is (byte)'0' or (byte)'1')
        {
            anomalous = text[0] == (byte)'1';
            return true;
        }
        if (Ascii.EqualsIgnoreCase(text, "true"u8)) { anomalous = true; return true; }
        return Ascii.EqualsIgnoreCase(text, "false"u8);
    }

    public static string LabelProblem(ReadOnlySpan<byte> text) => $"'{Shorten(text)}' is not a label (0/1 or true/false).";
}
