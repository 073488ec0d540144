namespace KukaPortal.Core.Metrics;

/// <summary>One point of the ROC curve: what calling every score ≥ <see cref="Threshold"/> anomalous gives.</summary>
public readonly record struct RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);
