using KukaPortal.Ml.Artifacts;

namespace KukaPortal.Ml.Images;

/// <summary>
/// metadata.json of an image .kpm artifact (the same zip container as the time-series models, told apart by
/// <see cref="Kind"/> = "image"): everything needed to rebuild, audit and compare a trained image detector.
/// The model's shape is rebuilt from <see cref="Settings"/>.
/// </summary>
public sealed record ImageModelMetadata
{
    public required int FormatVersion { get; init; }
    public string Kind { get; init; } = ArtifactKind.ImageName;
    public required ImageModelFamily Family { get; init; }
    public required ImageDetectorSettings Settings { get; init; }
    public required int Channels { get; init; }
    public required int Size { get; init; }
    /// <summary>Each score term with its weight and its range on held-out normal images.</summary>
    public required IReadOnlyList<TermStatistics> Terms { get; init; }
    public required ThresholdMetadata Threshold { get; init; }
    /// <summary>The anomaly-map value drawn fully red in heatmaps (see <see cref="Images.MapSaturation"/>).</summary>
    public required double MapSaturation { get; init; }
    /// <summary>The combined scores of the held-out normal images.</summary>
    public required ScoreSummary Validation { get; init; }
    public required ImageTrainingSummary Training { get; init; }
    /// <summary>SHA-256 (lower-case hex) of the training images' float32 pixels, little-endian, in the order given.</summary>
    public required string TrainingDataSha256 { get; init; }
    public required string TorchSharpVersion { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
}

/// <summary>
/// How the image detector trained: image counts, iterations, the last report's losses, time and device, and the
/// checkpoint iteration the run continued from if an earlier attempt was interrupted (then <see cref="Seconds"/> counts
/// this attempt only).
/// </summary>
public sealed record ImageTrainingSummary(int TrainingImages, int HeldOutImages, int Iterations, double FinalReconstruction,
    IReadOnlyDictionary<string, double> FinalLosses, double Seconds, string Device)
{
    public int? ResumedFromIteration { get; init; }
}
