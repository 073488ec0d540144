using KukaPortal.Core.Metrics;

namespace KukaPortal.Cli.Commands.Evaluation;

/// <summary>What <c>evaluate</c> reports, shaped for JSON; the curves are left out to keep it readable.</summary>
internal sealed record EvaluationResult(
    string Model,
    double Threshold,
    string ThresholdStrategy,
    int Window,
    int Stride,
    IReadOnlyList<EvaluatedInput> Inputs,
    MetricsSummary WindowLevel,
    MetricsSummary PointLevel,
    int PointLevelExcludedSamples,
    string PointLevelMapping);

internal sealed record EvaluatedInput(string File, int Rows, int Windows);

internal sealed record MetricsSummary(int Samples, int Anomalous, int Normal, double AveragePrecision, double RocAuc,
    double F1Max, double F1MaxThreshold, ThresholdMetrics? AtSavedThreshold)
{
    public static MetricsSummary Of(DetectionMetrics m) =>
        new(m.Samples, m.Anomalous, m.Normal, m.AveragePrecision, m.RocAuc, m.F1Max, m.F1MaxThreshold, m.AtThreshold);
}
