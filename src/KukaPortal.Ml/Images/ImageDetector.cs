using KukaPortal.Core.Images;
using KukaPortal.Ml.Runtime;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// A trained image detector of any family with its term statistics, threshold and provenance. Takes images at the
/// detector's size and channels. Not thread-safe: use one instance per worker thread (GUIDE §4).
/// </summary>
public sealed class ImageDetector : IDisposable
{
    private readonly ImageModel model;

    internal ImageDetector(ImageModel model, ImageModelMetadata metadata, Device device)
    {
        this.model = model;
        Metadata = metadata;
        Device = device;
    }

    public ImageModelMetadata Metadata { get; private set; }
    public ImageDetectorSettings Settings => Metadata.Settings;
    public ImageModelFamily Family => Metadata.Family;
    public double Threshold => Metadata.Threshold.Value;
    public Device Device { get; }

    internal ImageModel Model => model;

    public IReadOnlyList<ImageScore> Score(IReadOnlyList<PlanarImage> images, int batchSize = 32) =>
        Evaluate(images, batchSize, withReconstruction: false).Select(r => ScoreOf(r.Terms)).ToArray();

    /// <summary>Per-pixel anomaly maps, row-major [H·W] per image (larger = more anomalous).</summary>
    public IReadOnlyList<float[]> Maps(IReadOnlyList<PlanarImage> images, int batchSize = 32) =>
        Evaluate(images, batchSize, withReconstruction: false).Select(r => r.Map).ToArray();

    /// <summary>Scores and maps from one pass over the images, for evaluation, which needs both.</summary>
    public IReadOnlyList<(ImageScore Score, float[] Map)> ScoreWithMaps(IReadOnlyList<PlanarImage> images, int batchSize = 32) =>
        Evaluate(images, batchSize, withReconstruction: false).Select(r => (ScoreOf(r.Terms), r.Map)).ToArray();

    public ImageExplanation Explain(PlanarImage image) => Explain([image], 1)[0];

    /// <summary>Reconstruction, map and score of each image from one batched pass (the inspection strips need all three).</summary>
    public IReadOnlyList<ImageExplanation> Explain(IReadOnlyList<PlanarImage> images, int batchSize = 32) =>
        Evaluate(images, batchSize, withReconstruction: true).Select((result, i) => new ImageExplanation(
            new PlanarImage(images[i].Channels, images[i].Height, images[i].Width, result.Reconstruction!), result.Map, ScoreOf(result.Terms))).ToArray();

    /// <summary>
    /// Replaces the trained threshold (a quantile of held-out normal images) with one chosen elsewhere, e.g. an
    /// engineer's override; later scores and <see cref="Save"/> carry it. A zero threshold becomes 1e-12, as in training.
    /// </summary>
    public void ApplyThreshold(Core.Thresholds.ThresholdChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (!double.IsFinite(choice.Value) || choice.Value < 0)
            throw new ArgumentOutOfRangeException(nameof(choice), choice.Value, "A threshold is a finite score, 0 or more.");
        Metadata = Metadata with { Threshold = new Artifacts.ThresholdMetadata(Math.Max(choice.Value, 1e-12), choice.Strategy) };
    }

    public void Save(string path) => ImageArtifact.Write(path, model, Metadata);

    public static ImageDetector Load(string path, TorchDeviceOption device = TorchDeviceOption.Auto) =>
        Load(path, TorchRuntime.ResolveDevice(device));

    public static ImageDetector Load(string path, Device device)
    {
        var (model, metadata) = ImageArtifact.Read(path, device);
        return new ImageDetector(model, metadata, device);
    }

    public void Dispose() => model.Dispose();

    private IReadOnlyList<ImageEvaluationResult> Evaluate(IReadOnlyList<PlanarImage> images, int batchSize, bool withReconstruction)
    {
        ImageInputs.Check(images, Settings, nameof(images));
        return ImageEvaluation.Run(model, images, Enumerable.Range(0, images.Count).ToArray(), Device, batchSize, withReconstruction);
    }

    private ImageScore ScoreOf(double[] raw)
    {
        var score = TermNormalisation.Combine(Metadata.Terms, raw);
        var normalised = TermNormalisation.Normalise(Metadata.Terms, raw);
        var terms = Metadata.Terms.Select((t, i) => (t.Name, Value: normalised[i])).ToDictionary(p => p.Name, p => p.Value);
        return new ImageScore(score, score / Threshold, terms);
    }
}
