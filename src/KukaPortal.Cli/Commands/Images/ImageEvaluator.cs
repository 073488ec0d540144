using KukaPortal.Cli.Commands.Evaluation;
using KukaPortal.Core.Images;
using KukaPortal.Core.Metrics;
using KukaPortal.Ml.Images;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>
/// Scores the labelled test images of MVTec-layout sets (<c>test/good</c> against <c>test/&lt;defect&gt;</c>) and measures
/// the detector: image ROC-AUC, AP and F1max overall and per defect, and pixel ROC-AUC of the anomaly maps against
/// <c>ground_truth</c> masks over the valid (not padded) pixels of good images and of defect images that have a mask.
/// </summary>
internal static class ImageEvaluator
{
    public const string PixelNote = "Pixel ROC-AUC: every valid (not padded) pixel of the good images and of the defect images with a mask; defect images without a mask are left out of it.";

    public static ImageEvaluationReport Run(ImageDetector detector, string modelName, IReadOnlyList<FileInfo> inputs, TextWriter output, CancellationToken ct)
    {
        var images = new List<Scored>();
        var sets = new List<EvaluatedImageSet>();
        foreach (var input in inputs)
        {
            var import = ImageSetInput.Read(input, ImageSetInput.For(detector), output, ct);
            var test = import.Set.Test.ToArray();
            if (test.FirstOrDefault(i => i.Label is null) is { } unlabelled)
                throw CommandFailure.Rejected($"{input.Name}: {unlabelled.Path} has no label; evaluate needs the MVTec AD layout (test/good/ and test/<defect>/).");
            ct.ThrowIfCancellationRequested();
            var results = detector.ScoreWithMaps(test.Select(i => i.Image).ToArray());
            images.AddRange(test.Select((item, i) => new Scored(item, results[i].Score.Score, results[i].Map)));
            sets.Add(new EvaluatedImageSet(input.Name, test.Count(i => !i.IsDefect), test.Count(i => i.IsDefect), import.Skipped.Count));
        }

        var good = images.Where(i => !i.Item.IsDefect).ToArray();
        if (good.Length == 0 || good.Length == images.Count)
            throw CommandFailure.Rejected($"Evaluation needs good and defective test images; the input holds {good.Length} good and {images.Count - good.Length} defective.");

        var overall = DetectionMetrics.Compute(images.Select(i => i.Score).ToArray(), images.Select(i => i.Item.IsDefect).ToArray(), detector.Threshold);
        var defects = images.Where(i => i.Item.IsDefect).GroupBy(i => i.Item.Label!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Defect(g.Key, g.ToArray(), good)).ToArray();
        var settings = detector.Settings;
        return new ImageEvaluationReport(modelName, detector.Family.Name(), settings.Size, settings.Channels, detector.Threshold,
            detector.Metadata.Threshold.Strategy, sets, MetricsSummary.Of(overall), PixelAuc(images), defects, PixelNote);
    }

    private static DefectMetrics Defect(string defect, Scored[] defective, Scored[] good)
    {
        var both = good.Concat(defective).ToArray();
        var scores = both.Select(i => i.Score).ToArray();
        var labels = both.Select(i => i.Item.IsDefect).ToArray();
        return new DefectMetrics(defect, defective.Length, defective.Count(i => i.Item.Mask is not null),
            RocAuc.Of(scores, labels), AveragePrecision.Of(scores, labels), PixelAuc(both));
    }

    /// <summary>Null when no image of the group has a mask to compare its map with.</summary>
    private static double? PixelAuc(IReadOnlyList<Scored> images)
    {
        var counted = images.Where(i => !i.Item.IsDefect || i.Item.Mask is not null).ToArray();
        if (!counted.Any(i => i.Item.IsDefect))
            return null;
        return PixelRocAuc.Of(
            counted.Select(i => i.Map).ToArray(),
            counted.Select(i => i.Item.Mask?.Pixels ?? new float[i.Map.Length]).ToArray(),
            counted.Select(i => ValidRegion(i.Item)).ToArray());
    }

    private static float[] ValidRegion(ImageSetItem item)
    {
        var (width, height) = (item.Image.Width, item.Image.Height);
        var region = new float[width * height];
        for (var y = item.Valid.Y; y < item.Valid.Y + item.Valid.Height; y++)
            Array.Fill(region, 1f, y * width + item.Valid.X, item.Valid.Width);
        return region;
    }

    private sealed record Scored(ImageSetItem Item, double Score, float[] Map);
}
