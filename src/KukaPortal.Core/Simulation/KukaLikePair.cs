namespace KukaPortal.Core.Simulation;

/// <summary>
/// A normal recording (train/validation data) and a "slow" one whose only anomalies are slowed
/// moves, labelled per row (test data), like the KUKA normal / KukaSlow pair of paper 000.
/// </summary>
public sealed record KukaLikePair(SimulatedRecording Normal, SimulatedRecording Slow);
