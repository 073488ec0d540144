using KukaPortal.Core.Simulation.Anomalies;

namespace KukaPortal.Core.Simulation.Trace;

/// <summary>
/// What the recorder produced: noise-free channel values (row-major, <see cref="RobotChannels"/>
/// order, motor temperature still empty), the physical fault in effect at each row, and the first
/// row of each cycle.
/// </summary>
internal sealed record RecordedTrace(float[] Values, int Rows, FaultWindow?[] ActiveFault, IReadOnlyList<int> CycleStartRows);
