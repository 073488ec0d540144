using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Core.Tests.Simulation;

/// <summary>
/// Recordings shared by the simulation tests, each generated once. An anomalous recording and its
/// baseline share options and seed, so rows before the first anomaly are identical and the
/// difference after it is the anomaly's doing.
/// </summary>
internal static class Simulations
{
    public const int Rows = 14_000;
    public const int Seed = 7;

    public static readonly RobotSimulationOptions Base = new() { Rows = Rows, Seed = Seed, EventsPerKind = 2 };

    private static readonly Lazy<SimulatedRecording> normal = new(() => RobotSimulator.Generate(Base));
    private static readonly Lazy<SimulatedRecording> quietNormal = new(() => RobotSimulator.Generate(Base with { NoiseLevel = 0 }));
    private static readonly Dictionary<AnomalyKind, Lazy<SimulatedRecording>> withKind =
        AnomalyKinds.Kinds.ToDictionary(k => k, k => new Lazy<SimulatedRecording>(() => RobotSimulator.Generate(OptionsWith(k))));

    /// <summary>A purely normal recording with measurement noise.</summary>
    public static SimulatedRecording Normal => normal.Value;

    /// <summary>The same recording without measurement noise, for exact physics checks.</summary>
    public static SimulatedRecording QuietNormal => quietNormal.Value;

    /// <summary>
    /// Two events of one kind on the <see cref="Normal"/> baseline; physical kinds are noise-free (and
    /// compare with <see cref="QuietNormal"/>) so that small effects such as a warmer motor are exact.
    /// </summary>
    public static SimulatedRecording With(AnomalyKind kind) => withKind[kind].Value;

    public static SimulatedRecording BaselineOf(AnomalyKind kind) => IsPhysical(kind) ? QuietNormal : Normal;

    public static RobotSimulationOptions OptionsWith(AnomalyKind kind) =>
        IsPhysical(kind) ? Base with { Anomalies = [kind], NoiseLevel = 0 } : Base with { Anomalies = [kind] };

    private static bool IsPhysical(AnomalyKind kind) =>
        kind is AnomalyKind.Slowdown or AnomalyKind.Collision or AnomalyKind.Payload or AnomalyKind.Friction;

    public static int Column(int axis, AxisSignal signal) => RobotChannels.IndexOf(axis, signal);

    public static IEnumerable<float> ColumnValues(this TimeSeries series, int column, int startRow, int endRow)
    {
        for (var row = startRow; row < endRow; row++) yield return series[row, column];
    }

    public static double MaxAbs(this TimeSeries series, int column, int startRow, int endRow) =>
        series.ColumnValues(column, startRow, endRow).Max(v => Math.Abs(v));

    public static double Rms(this TimeSeries series, int column, int startRow, int endRow) =>
        Math.Sqrt(series.ColumnValues(column, startRow, endRow).Average(v => (double)v * v));

    /// <summary>First row of each cycle, read from the cycle channel.</summary>
    public static IReadOnlyList<int> CycleStarts(this TimeSeries series)
    {
        var starts = new List<int> { 0 };
        for (var row = 1; row < series.Rows; row++)
            if (series[row, RobotChannels.CycleIndex] != series[row - 1, RobotChannels.CycleIndex]) starts.Add(row);
        return starts;
    }

    /// <summary>Rows of one cycle (whole cycles only: the last, cut-off cycle has no length).</summary>
    public static int CycleLength(this TimeSeries series, int cycle)
    {
        var starts = series.CycleStarts();
        return cycle + 1 < starts.Count ? starts[cycle + 1] - starts[cycle] : -1;
    }
}
