namespace KukaPortal.Core.Tests.Metrics;

/// <summary>Small labelled score sets whose metrics the tests work out by hand.</summary>
internal static class MetricCases
{
    // Distinct scores. Two anomalous (0.9, 0.7), three normal (0.8, 0.6, 0.5).
    public static readonly double[] DistinctScores = [0.9, 0.8, 0.7, 0.6, 0.5];
    public static readonly bool[] DistinctLabels = [true, false, true, false, false];

    // Three samples tie at 0.5: one anomalous, two normal. Three anomalous, two normal in all.
    public static readonly double[] TiedScores = [0.8, 0.5, 0.5, 0.5, 0.2];
    public static readonly bool[] TiedLabels = [true, true, false, false, true];
}
