using KukaPortal.Core.Thresholds;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Scoring;
using TorchSharp;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Loads a model row's detector for scoring an asset's windows or images: the one place an engineer's threshold
/// override (<see cref="DetectorModel.ThresholdOverride"/>) replaces the artifact's trained threshold, so
/// every score, calibrated score and above-threshold decision of batch jobs and live streams follows it.
/// Call on the torch thread.
/// </summary>
public static class AssetDetector
{
    public const string OverrideStrategy = "engineer override";

    public static Detector Load(BlobStore blobs, DetectorModel model, torch.Device device)
    {
        var detector = Detector.Load(blobs.PathOf(model.ArtifactKey), device);
        if (model.ThresholdOverride is { } threshold)
            detector.ApplyThreshold(new ThresholdChoice(threshold, OverrideStrategy));
        return detector;
    }

    /// <summary>An inspection station's model (an image artifact).</summary>
    public static ImageDetector LoadImages(BlobStore blobs, DetectorModel model, torch.Device device)
    {
        var detector = ImageDetector.Load(blobs.PathOf(model.ArtifactKey), device);
        if (model.ThresholdOverride is { } threshold)
            detector.ApplyThreshold(new ThresholdChoice(threshold, OverrideStrategy));
        return detector;
    }
}
