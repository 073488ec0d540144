using KukaPortal.Data.Entities;

namespace KukaPortal.Data.Scores;

/// <summary>
/// What a stored batch produced: the rows with their sequence numbers (without their channel contributions,
/// which the push does not carry) and the alarms it raised or changed.
/// </summary>
public sealed record StoredBatch(IReadOnlyList<WindowScoreRow> Rows, IReadOnlyList<Alarm> ChangedAlarms);
