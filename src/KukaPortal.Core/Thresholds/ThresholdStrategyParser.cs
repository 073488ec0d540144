using System.Globalization;

namespace KukaPortal.Core.Thresholds;

/// <summary>Reads <c>f1max</c>, <c>quantile:Q</c> and <c>budget:N/h</c>; every error quotes the text and shows the accepted forms.</summary>
internal static class ThresholdStrategyParser
{
    private const string Forms = "expected 'f1max', 'quantile:Q' with 0 ≤ Q ≤ 1 (e.g. quantile:0.99) or 'budget:N/h' with N ≥ 0 (e.g. budget:2/h)";

    public static ThresholdStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':');
        var name = (colon < 0 ? trimmed : trimmed[..colon]).ToLowerInvariant();
        var argument = colon < 0 ? null : trimmed[(colon + 1)..];

        return name switch
        {
            "f1max" when argument is null => new F1MaxStrategy(),
            "quantile" when argument is not null => new QuantileStrategy(Number(text, argument, 0, 1)),
            "budget" when argument is not null && argument.EndsWith("/h", StringComparison.OrdinalIgnoreCase) =>
                new BudgetStrategy(Number(text, argument[..^2], 0, double.MaxValue)),
            _ => throw Error(text),
        };
    }

    private static double Number(string text, string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !(number >= min && number <= max))
            throw Error(text);
        return number;
    }

    private static FormatException Error(string text) => new($"'{text}' is not a threshold strategy: {Forms}.");
}
