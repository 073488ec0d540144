using System.Globalization;
using System.Text;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>The human-readable report of <c>evaluate</c> for an image model: overall metrics, then one row per defect.</summary>
internal static class ImageEvaluationText
{
    public static string Render(ImageEvaluationReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Model {r.Model}: {r.Family}, {r.Size}×{r.Size}×{r.Channels}, threshold {r.Threshold:G6} ({r.ThresholdStrategy})"));
        foreach (var input in r.Inputs)
            text.AppendLine(Invariant($"  {input.Input}: {input.Good} good, {input.Defective} defective test images ({input.Skipped} files left out)"));
        text.AppendLine();
        var image = r.Image;
        text.AppendLine(Invariant($"image ROC-AUC {image.RocAuc:F4}   AP {image.AveragePrecision:F4}   F1max {image.F1Max:F4}   pixel ROC-AUC {Optional(r.PixelRocAuc)}"));
        if (image.AtSavedThreshold is { } saved)
            text.AppendLine(Invariant(
                $"at the saved threshold: precision {saved.Precision:F4}, recall {saved.Recall:F4}, F1 {saved.F1:F4} (TP {saved.Counts.TruePositives}, FP {saved.Counts.FalsePositives}, TN {saved.Counts.TrueNegatives}, FN {saved.Counts.FalseNegatives})"));
        text.AppendLine();
        text.AppendLine($"{"defect",-16}{"images",8}{"masks",8}{"image AUROC",14}{"image AP",12}{"pixel AUROC",14}");
        foreach (var d in r.Defects)
            text.AppendLine(Invariant($"{d.Defect,-16}{d.Images,8}{d.WithMask,8}{d.ImageRocAuc,14:F4}{d.ImageAveragePrecision,12:F4}{Optional(d.PixelRocAuc),14}"));
        text.AppendLine();
        text.AppendLine(r.PixelNote);
        return text.ToString();
    }

    private static string Optional(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
