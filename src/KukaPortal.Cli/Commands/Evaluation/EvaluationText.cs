using System.Globalization;
using System.Text;
using KukaPortal.Core.Metrics;

namespace KukaPortal.Cli.Commands.Evaluation;

/// <summary>The human-readable table of <c>evaluate</c>: one column per level, one row per metric.</summary>
internal static class EvaluationText
{
    public static string Render(EvaluationResult r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Model {r.Model}: W = {r.Window}, stride {r.Stride}, threshold {r.Threshold:G6} ({r.ThresholdStrategy})"));
        foreach (var input in r.Inputs)
            text.AppendLine(Invariant($"  {input.File}: {input.Rows} rows, {input.Windows} windows"));
        text.AppendLine();
        Row(text, "", "window", "point");
        Row(text, "samples", r.WindowLevel.Samples, r.PointLevel.Samples);
        Row(text, "anomalous", r.WindowLevel.Anomalous, r.PointLevel.Anomalous);
        Row(text, "average precision", r.WindowLevel.AveragePrecision, r.PointLevel.AveragePrecision);
        Row(text, "ROC-AUC", r.WindowLevel.RocAuc, r.PointLevel.RocAuc);
        Row(text, "F1max", r.WindowLevel.F1Max, r.PointLevel.F1Max);
        Row(text, "F1max threshold", r.WindowLevel.F1MaxThreshold, r.PointLevel.F1MaxThreshold);
        Saved(text, r.WindowLevel.AtSavedThreshold, r.PointLevel.AtSavedThreshold);
        text.AppendLine();
        text.AppendLine(Invariant($"{r.PointLevelMapping} Excluded: {r.PointLevelExcludedSamples} samples."));
        return text.ToString();
    }

    private static void Saved(StringBuilder text, ThresholdMetrics? window, ThresholdMetrics? point)
    {
        if (window is null || point is null) return;
        Row(text, "precision at saved", window.Precision, point.Precision);
        Row(text, "recall at saved", window.Recall, point.Recall);
        Row(text, "F1 at saved", window.F1, point.F1);
        Row(text, "true positives", window.Counts.TruePositives, point.Counts.TruePositives);
        Row(text, "false positives", window.Counts.FalsePositives, point.Counts.FalsePositives);
        Row(text, "true negatives", window.Counts.TrueNegatives, point.Counts.TrueNegatives);
        Row(text, "false negatives", window.Counts.FalseNegatives, point.Counts.FalseNegatives);
    }

    private static void Row(StringBuilder text, string name, double window, double point) =>
        Row(text, name, window.ToString("G4", CultureInfo.InvariantCulture), point.ToString("G4", CultureInfo.InvariantCulture));

    private static void Row(StringBuilder text, string name, int window, int point) =>
        Row(text, name, window.ToString(CultureInfo.InvariantCulture), point.ToString(CultureInfo.InvariantCulture));

    private static void Row(StringBuilder text, string name, string window, string point) =>
        text.AppendLine($"{name,-20}{window,12}{point,12}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
