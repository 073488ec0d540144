using System.Globalization;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>Comma-separated grid values such as <c>--windows 30,50</c> or <c>--lambdas 1e-4,1e-3</c>.</summary>
internal static class NumberList
{
    public static IReadOnlyList<int> Integers(string text, string option) =>
        Parse<int>(text, option, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    public static IReadOnlyList<double> Doubles(string text, string option) =>
        Parse<double>(text, option, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null);

    private static IReadOnlyList<T> Parse<T>(string text, string option, Func<string, T?> parse) where T : struct
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            throw CommandFailure.Usage($"{option} needs at least one value.");
        var values = new List<T>();
        foreach (var part in parts)
            values.Add(parse(part) ?? throw CommandFailure.Usage($"{option}: '{part}' is not a number."));
        return values.Distinct().ToList();
    }
}
