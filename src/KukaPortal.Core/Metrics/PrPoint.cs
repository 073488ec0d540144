namespace KukaPortal.Core.Metrics;

/// <summary>One point of the precision-recall curve: what calling every score ≥ <see cref="Threshold"/> anomalous gives.</summary>
public readonly record struct PrPoint(double Threshold, double Precision, double Recall);
