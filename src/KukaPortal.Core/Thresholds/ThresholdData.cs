namespace KukaPortal.Core.Thresholds;

/// <summary>
/// What the strategies may choose from. Each strategy uses only its part and says which part is missing:
/// f1max the labelled validation set; quantile the held-out normal scores; budget the held-out normal
/// scores in time order, the hours they span and the alarm rule's k-of-n.
/// </summary>
public sealed record ThresholdData
{
    public IReadOnlyList<double>? ValidationScores { get; init; }
    public IReadOnlyList<bool>? ValidationLabels { get; init; }
    public IReadOnlyList<double>? NormalScores { get; init; }
    public double? NormalHours { get; init; }
    public int AlarmK { get; init; } = 1;
    public int AlarmN { get; init; } = 1;
}
