namespace KukaPortal.Core.Thresholds;

/// <summary>A chosen threshold and the strategy text that chose it, kept together so a saved model says how it was set.</summary>
public sealed record ThresholdChoice(double Value, string Strategy);
