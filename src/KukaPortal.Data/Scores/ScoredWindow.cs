namespace KukaPortal.Data.Scores;

/// <summary>A window as the scorer produced it, before it gets its sequence number.</summary>
public sealed record ScoredWindow(
    int WindowIndex, int StartRow, int EndRow, double StartSeconds, double EndSeconds,
    double Score, double Calibrated, bool AboveThreshold);
