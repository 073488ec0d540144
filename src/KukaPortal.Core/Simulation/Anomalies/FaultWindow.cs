namespace KukaPortal.Core.Simulation.Anomalies;

/// <summary>
/// When a physical fault is in effect, on the continuous time line [Start, End) in seconds. Rows whose
/// sample time falls inside are labelled. End stays open until the fault's last cycle is planned.
/// </summary>
internal sealed class FaultWindow(int id, AnomalyKind kind, int? axis, double start, string description)
{
    public int Id { get; } = id;
    public AnomalyKind Kind { get; } = kind;

    /// <summary>1-based axis, as in <see cref="AnomalyEvent.Axis"/>.</summary>
    public int? Axis { get; } = axis;

    public double Start { get; private set; } = start;
    public double End { get; private set; } = double.PositiveInfinity;
    public string Description { get; } = description;

    public void Extend(double start, double end)
    {
        Start = Math.Min(Start, start);
        End = double.IsPositiveInfinity(End) ? end : Math.Max(End, end);
    }

    public void Close(double end) => End = end;
}
