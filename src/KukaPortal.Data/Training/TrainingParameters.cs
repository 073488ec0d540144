namespace KukaPortal.Data.Training;

/// <summary>
/// Everything a training job trains on and with, stored on the job (<c>jobs.parameters</c>) when it is queued.
/// <see cref="Family"/> is the artifact's family name (<c>conv-ae</c>, <c>aae</c>, …); <see cref="Lambda"/> the
/// feature-matching weight of the adversarial families; <see cref="ThresholdStrategy"/> Core's strategy text.
/// </summary>
public sealed record TrainingParameters
{
    public required IReadOnlyList<int> NormalRecordingIds { get; init; }
    public int? ValidationRecordingId { get; init; }
    public required string Family { get; init; }
    public int Window { get; init; }
    public int Latent { get; init; }
    public double Lambda { get; init; }
    public int Iterations { get; init; }
    public required string ThresholdStrategy { get; init; }

    /// <summary>Rows of scored recordings that operators classified as false alarms, trained on as extra normal data.</summary>
    public IReadOnlyList<TrainingSegment> ExtraSegments { get; init; } = [];
}

/// <summary>Rows [StartRow, EndRow) of a stored recording, trained on as one piece (no window crosses its ends).</summary>
public sealed record TrainingSegment(int RecordingId, int StartRow, int EndRow, long? AlarmId = null);
