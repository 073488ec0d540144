using KukaPortal.Core.Alarms;

namespace KukaPortal.Data.Alarms;

/// <summary>The columns the alarm list can be ordered by.</summary>
public enum AlarmSortField { RaisedAt, Asset, State, Priority, PeakCalibrated, Classification, AcknowledgedAt }

/// <summary>
/// One page of the alarm list: every filter is optional and they combine with AND. <see cref="RaisedFrom"/>
/// is inclusive and <see cref="RaisedTo"/> exclusive, so consecutive periods never count an alarm twice.
/// <see cref="Unclassified"/> asks for alarms nobody has classified yet (it cannot be combined with a
/// <see cref="Classification"/>: the reader refuses that).
/// </summary>
public sealed record AlarmListQuery
{
    public const int MaxPageSize = 200;

    public int? AssetId { get; init; }
    public IReadOnlyList<AlarmState> States { get; init; } = [];
    public AlarmPriority? Priority { get; init; }
    public AlarmClassification? Classification { get; init; }
    public bool Unclassified { get; init; }
    public DateTimeOffset? RaisedFrom { get; init; }
    public DateTimeOffset? RaisedTo { get; init; }

    public AlarmSortField SortBy { get; init; } = AlarmSortField.RaisedAt;
    public bool Descending { get; init; } = true;

    /// <summary>Zero-based.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>One alarm as the list shows it.</summary>
public sealed record AlarmListRow(
    long Id, int AssetId, string AssetName, DateTimeOffset RaisedAt, DateTimeOffset? ReturnedAt, AlarmState State,
    AlarmPriority Priority, double PeakCalibrated, AlarmClassification? Classification, string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? ShelvedUntil);

/// <summary>A page of rows and how many alarms match the filters in all.</summary>
public sealed record AlarmListPage(IReadOnlyList<AlarmListRow> Rows, int TotalCount);
