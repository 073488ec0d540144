using System.Globalization;

namespace KukaPortal.Core.Thresholds;

/// <summary>
/// How a detector's threshold is chosen, written as text in settings and on the command line:
/// <c>f1max</c>, <c>quantile:0.99</c> or <c>budget:2/h</c>. <see cref="ToString"/> gives the same text back.
/// </summary>
public abstract record ThresholdStrategy
{
    public abstract ThresholdChoice Choose(ThresholdData data);

    public static ThresholdStrategy Parse(string text) => ThresholdStrategyParser.Parse(text);

    private protected static T Require<T>(T? value, string what, string strategy) where T : class =>
        value ?? throw new ArgumentException($"The '{strategy}' threshold needs {what}.");

    private protected static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
