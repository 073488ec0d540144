namespace KukaPortal.Data.Scores.History;

/// <summary>
/// One point of score history: a window (raw) or a bucket of windows starting at <see cref="At"/>. Min and max
/// travel with the mean so that a one-window spike survives any amount of downsampling.
/// </summary>
public sealed record ScoreHistoryPoint(DateTimeOffset At, int Windows, int AboveThreshold, double Mean, double Min, double Max);

public sealed record ScoreHistory(ScoreHistoryPlan Plan, IReadOnlyList<ScoreHistoryPoint> Points);
