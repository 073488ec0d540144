using System.Text.Json;

namespace KukaPortal.Ml.Artifacts;

/// <summary>
/// metadata.json of a .kpm artifact: everything needed to rebuild, audit and compare a trained model.
/// The envelope is family-neutral; <see cref="Hyperparameters"/> is read by the family's own settings type,
/// so new families (and threshold strategies such as "f1max" or "budget:…") need no new format version.
/// </summary>
public sealed record ModelMetadata
{
    public required int FormatVersion { get; init; }
    public required string Family { get; init; }
    public required JsonElement Hyperparameters { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public required ScalerMetadata Scaler { get; init; }
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

/// <summary>Per-channel fitted range of the min-max scaler.</summary>
public sealed record ScalerMetadata(string Kind, float[] Minimums, float[] Maximums);

/// <summary>The alarm threshold on the raw score and how it was chosen, e.g. "quantile:0.99".</summary>
public sealed record ThresholdMetadata(double Value, string Strategy);

/// <summary>How long and on what the model trained, and where its loss ended.</summary>
public sealed record TrainingSummary(int TrainingWindows, int HeldOutWindows, double FinalLoss, double? FinalValidationLoss, double Seconds, string Device);
