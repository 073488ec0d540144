namespace KukaPortal.Core.Simulation;

/// <summary>
/// One injected anomaly and the rows it covers, [StartRow, EndRow) like <c>WindowSpan</c>. The
/// recording's labels are true exactly on the union of these ranges.
/// </summary>
/// <param name="Axis">The affected axis (1–6), or null when the anomaly is not tied to one (slowdown, payload).</param>
/// <param name="Description">A sentence for people: what happened, how strong, where.</param>
public sealed record AnomalyEvent(AnomalyKind Kind, int StartRow, int EndRow, int? Axis, string Description)
{
    /// <summary>The channels a sensor fault corrupted; empty for the physical kinds, which affect the whole axis.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    public int Length => EndRow - StartRow;

    public bool Contains(int row) => row >= StartRow && row < EndRow;
}
