using KukaPortal.Core.Series;

namespace KukaPortal.Core.Simulation;

/// <summary>
/// A generated controller trace: the values (channels of <see cref="RobotChannels.Names"/>), the
/// timestamps in seconds from the start, a label per row (true = anomalous) and what was injected.
/// </summary>
public sealed record SimulatedRecording(TimeSeries Series, IReadOnlyList<AnomalyEvent> Events);
