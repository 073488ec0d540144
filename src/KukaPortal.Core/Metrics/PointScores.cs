namespace KukaPortal.Core.Metrics;

/// <summary>
/// Per-sample scores derived from window scores: <see cref="Rows"/> (ascending) are the samples some
/// window covers, <see cref="Scores"/> their scores in the same order, and <see cref="UncoveredRows"/>
/// how many samples no window covers (left out of point-level metrics, but counted so a reader knows).
/// </summary>
public sealed record PointScores(IReadOnlyList<int> Rows, IReadOnlyList<double> Scores, int UncoveredRows);
