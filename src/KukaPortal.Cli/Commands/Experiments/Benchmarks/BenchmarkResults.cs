namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>
/// One test case scored by one model, per sample: the share of normal samples above the threshold (false-alarm
/// rate) and of anomalous samples above it (detection rate); AP and ROC-AUC only where the case has both classes.
/// </summary>
internal sealed record CaseResult(string Case, int NormalSamples, int AnomalousSamples, double FalseAlarmRate, double DetectionRate,
    double? AveragePrecision, double? RocAuc);

/// <summary>One model on one benchmark: how it was trained and thresholded, each case, and all cases pooled.</summary>
internal sealed record ModelResult(string Model, int Window, int IterationsRun, double TrainingSeconds, double Threshold, string ThresholdStrategy,
    IReadOnlyList<CaseResult> Cases, CaseResult Pooled);
