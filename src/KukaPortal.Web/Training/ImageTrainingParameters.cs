using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;

namespace KukaPortal.Web.Training;

/// <summary>
/// Everything an image training job (<c>JobKind.TrainImages</c>) trains on and with, stored as JSON in
/// <c>jobs.parameters</c> when it is queued, so a retried job trains exactly the same thing.
/// <see cref="Family"/> is the image family's stable name (conv-ae-2d, ganomaly, …).
/// </summary>
public sealed record ImageTrainingParameters
{
    public required IReadOnlyList<int> NormalRecordingIds { get; init; }
    public required string Family { get; init; }
    public int Size { get; init; }
    public int Channels { get; init; }
    public ImageFit Fit { get; init; }
    public int Iterations { get; init; }
    public int BatchSize { get; init; }
    public int Seed { get; init; }
    public required string ThresholdStrategy { get; init; }

    public ImageDetectorSettings ToSettings() => new()
    {
        Family = ImageModelFamilyNames.TryParse(Family, out var family) ? family : throw new ArgumentException($"Unknown image family '{Family}'."),
        Size = Size, Channels = Channels, Fit = Fit, Iterations = Iterations, BatchSize = BatchSize, Seed = Seed,
        ThresholdStrategy = ThresholdStrategy,
    };
}
