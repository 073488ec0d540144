using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;

namespace KukaPortal.Ml.Artifacts;

/// <summary>
/// metadata.json of a .kpm artifact: everything needed to rebuild, audit and compare a trained model.
/// <see cref="Hyperparameters"/> is the <see cref="DetectorSettings"/> the model was trained with, from which
/// its shape is rebuilt; <see cref="Preprocessing"/> is applied to raw recordings before the model sees them.
/// </summary>
public sealed record ModelMetadata
{
    public required int FormatVersion { get; init; }
    public required ModelFamily Family { get; init; }
    public required JsonElement Hyperparameters { get; init; }
    /// <summary>The raw channels a recording must have, in the order the model reads them.</summary>
    public required IReadOnlyList<string> Channels { get; init; }
    public required PreprocessingState Preprocessing { get; init; }
    public required int Window { get; init; }
    public required int TrainingStride { get; init; }
    public required int ScoringStride { get; init; }
    public required ThresholdMetadata Threshold { get; init; }
    public required ScoreSummary Validation { get; init; }
    public required TrainingSummary Training { get; init; }
    /// <summary>SHA-256 (lower-case hex) of the training series' float32 values, little-endian, row-major.</summary>
    public required string TrainingDataSha256 { get; init; }
    public required string TorchSharpVersion { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
}

/// <summary>The alarm threshold on the raw score and how it was chosen, e.g. "quantile:0.99".</summary>
public sealed record ThresholdMetadata(double Value, string Strategy);

/// <summary>
/// How long and on what the model trained and where its loss ended: the reconstruction MSE on training
/// batches and on held-out windows, the iterations actually run (fewer when early stopping cut in), and the
/// discriminator's last report for adversarial families.
/// </summary>
public sealed record TrainingSummary(int TrainingWindows, int HeldOutWindows, double FinalLoss, double? FinalValidationLoss, double Seconds, string Device)
{
    public int IterationsRun { get; init; }
    public bool StoppedEarly { get; init; }
    public DiscriminatorProgress? Discriminator { get; init; }

    /// <summary>Set when an interrupted training continued from a checkpoint taken at this iteration.</summary>
    public int? ResumedFromIteration { get; init; }
}
