namespace KukaPortal.Data.Entities;

/// <summary>
/// One consequential action by a person outside the alarm lifecycle (which has its own alarm_events):
/// promoting or rolling back a model, changing a threshold or alarm rule, changing users and roles.
/// Appended in the same transaction as the change it records; never updated.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The asset concerned, where there is one, so an asset's history lists its audit trail.</summary>
    public int? AssetId { get; set; }

    /// <summary>What was acted on, e.g. "model 12 (v3)" or "user anna@plant.example".</summary>
    public required string Target { get; set; }

    /// <summary>Before → after, or the reason given.</summary>
    public string? Detail { get; set; }
}

public enum AuditAction
{
    ModelPromoted,
    ModelRolledBack,
    ThresholdChanged,
    AlarmRuleChanged,
    AssetModeChanged,
    UserCreated,
    UserRolesChanged,
    UserLocked,
    UserUnlocked,
    ApiKeyCreated,
    ApiKeyRevoked,
}
