namespace KukaPortal.Web.Training;

/// <summary>
/// The body of <c>POST /api/assets/{id}/jobs/train</c>. Every field may be left out and then takes the
/// configured default (<see cref="Jobs.TrainingOptions"/>); the older body <c>{ "recordingId": 7 }</c> still
/// means "train on recording 7 with the defaults". <see cref="Lambda"/> is the feature-matching weight of
/// the adversarial families; <see cref="IncludeFalseAlarms"/> adds the windows operators classified as
/// false alarms to the normal data.
/// </summary>
public sealed record TrainingRequest
{
    public int? RecordingId { get; init; }
    public IReadOnlyList<int>? RecordingIds { get; init; }
    public int? ValidationRecordingId { get; init; }
    public string? Family { get; init; }
    public int? Window { get; init; }
    public int? Latent { get; init; }
    public double? Lambda { get; init; }
    public int? Iterations { get; init; }
    public string? ThresholdStrategy { get; init; }
    public bool IncludeFalseAlarms { get; init; }

    public IReadOnlyList<int> NormalRecordingIds =>
        RecordingIds is { Count: > 0 } ids ? ids : RecordingId is { } id ? [id] : [];
}
