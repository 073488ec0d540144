using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>
/// Writes one PNG per scored image — input | reconstruction | heatmap over the input | ground-truth mask (when the set
/// has one) — as <c>DIR/&lt;input&gt;/&lt;label&gt;/&lt;name&gt;.png</c>. Names come from the set's own relative paths, which the
/// reader has already vetted (no <c>..</c>, no absolute paths).
/// </summary>
internal static class InspectionStrips
{
    public static void Write(ImageDetector detector, string inputName, IReadOnlyList<ImageSetItem> items,
        IReadOnlyList<ImageExplanation> explanations, DirectoryInfo root, CancellationToken ct)
    {
        var saturation = (float)detector.Metadata.MapSaturation;
        foreach (var (item, explanation) in items.Zip(explanations))
        {
            ct.ThrowIfCancellationRequested();
            List<PlanarImage> panels = [item.Image, explanation.Reconstruction, AnomalyHeatmap.Overlay(item.Image, explanation.Map, saturation)];
            if (item.Mask is { } mask)
                panels.Add(mask);
            var path = Path.Combine(root.FullName, inputName, Path.ChangeExtension(item.Path, ".png"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, ImageEncoder.Png(InspectionStrip.Compose(panels)));
        }
    }
}
