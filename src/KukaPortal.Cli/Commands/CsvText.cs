using System.Globalization;

namespace KukaPortal.Cli.Commands;

/// <summary>The CSV field rules every CSV the CLI writes follows: round-trip invariant numbers and RFC 4180 quoting.</summary>
internal static class CsvText
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting, for names that hold a comma, a quote or a line break.</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
