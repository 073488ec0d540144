namespace KukaPortal.Data.Scores;

/// <summary>
/// A window as the scorer produced it, before it gets its sequence number. <paramref name="At"/> is the
/// wall-clock end of the window and must be the same every time the run's window is scored (see
/// <see cref="RunClock"/>). <paramref name="ChannelErrors"/> are the per-channel errors in the model's
/// channel order (null when the scorer has none); the writer stores each one's share.
/// </summary>
public sealed record ScoredWindow(
    int WindowIndex, int StartRow, int EndRow, double StartSeconds, double EndSeconds,
    double Score, double Calibrated, bool AboveThreshold, DateTimeOffset At, float[]? ChannelErrors = null);
