namespace KukaPortal.Core.Metrics;

/// <summary>The checks every metric makes on its inputs, so each one fails with the same clear message.</summary>
internal static class MetricInputs
{
    public static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
            throw new ArgumentException($"There are {scores.Count} scores but {labels.Count} labels; each score needs one label.", nameof(labels));
        if (scores.Count == 0)
            throw new ArgumentException("Metrics of no samples are undefined: there are no scores.", nameof(scores));
        // A NaN would sort arbitrarily and an infinity cannot be written as a JSON threshold.
        for (var i = 0; i < scores.Count; i++)
            if (!double.IsFinite(scores[i]))
                throw new ArgumentException($"The score at index {i} is {scores[i]}; scores must be finite numbers.", nameof(scores));
    }
}
