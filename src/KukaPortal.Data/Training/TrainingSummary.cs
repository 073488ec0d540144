namespace KukaPortal.Data.Training;

/// <summary>The facts of one training run, stored with the model it produced.</summary>
public sealed record TrainingSummary
{
    public required string Family { get; init; }
    public int Window { get; init; }
    public int Latent { get; init; }
    public double Lambda { get; init; }
    public int Iterations { get; init; }
    public int IterationsRun { get; init; }
    public required IReadOnlyList<int> NormalRecordingIds { get; init; }
    public int FalseAlarmSegments { get; init; }
    public int? ValidationRecordingId { get; init; }
    public double FinalLoss { get; init; }
    public double? FinalValidationLoss { get; init; }
    public double? FinalDiscriminatorLoss { get; init; }
    public double? FinalDiscriminatorAccuracy { get; init; }
    public double Threshold { get; init; }

    /// <summary>Image models: images trained on, and the held-out normal images whose scores set the threshold (their count, median and maximum).</summary>
    public int? TrainingImages { get; init; }
    public int? HeldOutImages { get; init; }
    public double? HeldOutMedianScore { get; init; }
    public double? HeldOutMaxScore { get; init; }
    public required string ThresholdStrategy { get; init; }
}
