using KukaPortal.Data.Entities;

namespace KukaPortal.Data.Audit;

/// <summary>What a reviewer filters the audit trail by: alarm handling, models, asset settings and keys, users.</summary>
public enum AuditCategory { Alarms, Models, Settings, Users }

public static class AuditCategories
{
    /// <summary>The audit actions of each category; alarm handling comes from alarm_events, not from these.</summary>
    public static IReadOnlyList<AuditAction> ActionsOf(AuditCategory category) => category switch
    {
        AuditCategory.Models => [AuditAction.ModelPromoted, AuditAction.ModelRolledBack],
        AuditCategory.Settings => [AuditAction.ThresholdChanged, AuditAction.AlarmRuleChanged, AuditAction.AssetModeChanged, AuditAction.ApiKeyCreated, AuditAction.ApiKeyRevoked],
        AuditCategory.Users => [AuditAction.UserCreated, AuditAction.UserRolesChanged, AuditAction.UserLocked, AuditAction.UserUnlocked],
        _ => [],
    };

    /// <summary>Every action belongs to exactly one category, so no entry falls out of a filtered view.</summary>
    public static AuditCategory Of(AuditAction action) =>
        Enum.GetValues<AuditCategory>().Single(c => ActionsOf(c).Contains(action));
}
