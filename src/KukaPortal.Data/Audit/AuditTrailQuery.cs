namespace KukaPortal.Data.Audit;

/// <summary>One page of the audit trail, newest first. Null filters take everything.</summary>
public sealed record AuditTrailQuery
{
    public const int MaxPageSize = 200;

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int? AssetId { get; init; }

    /// <summary>Part of the acting user's name, any case.</summary>
    public string? User { get; init; }
    public AuditCategory? Category { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>
/// One action a person took: <paramref name="Action"/> is an audit action's name (ModelPromoted …) or, for alarm
/// handling, "Alarm" + the event (AlarmAcknowledged …); <paramref name="Target"/> what was acted on; <paramref name="Detail"/> before → after, or the comment.
/// </summary>
public sealed record AuditTrailRow(
    DateTimeOffset At, string User, AuditCategory Category, string Action, int? AssetId, string? AssetName, string Target, string? Detail);

public sealed record AuditTrailPage(IReadOnlyList<AuditTrailRow> Rows, int Total);
