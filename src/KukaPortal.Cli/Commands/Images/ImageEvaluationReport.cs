using KukaPortal.Cli.Commands.Evaluation;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>
/// What <c>evaluate</c> reports for an image model, shaped for JSON: image-level metrics over all labelled test images,
/// pixel ROC-AUC against the ground-truth masks, and both per defect (each defect against the good images).
/// </summary>
internal sealed record ImageEvaluationReport(
    string Model,
    string Family,
    int Size,
    int Channels,
    double Threshold,
    string ThresholdStrategy,
    IReadOnlyList<EvaluatedImageSet> Inputs,
    MetricsSummary Image,
    double? PixelRocAuc,
    IReadOnlyList<DefectMetrics> Defects,
    string PixelNote);

internal sealed record EvaluatedImageSet(string Input, int Good, int Defective, int Skipped);

/// <summary>One defect kind against the good test images: image ROC-AUC and AP, and pixel ROC-AUC where masks exist.</summary>
internal sealed record DefectMetrics(string Defect, int Images, int WithMask, double ImageRocAuc, double ImageAveragePrecision, double? PixelRocAuc);
