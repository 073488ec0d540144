namespace KukaPortal.Web.Auth;

public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Engineer = "Engineer";
    public const string Operator = "Operator";
    public const string Manager = "Manager";

    public static readonly string[] All = [Admin, Engineer, Operator, Manager];
}

/// <summary>What a user may do, by role. Pages, hub methods and endpoints name a policy, never a role list.</summary>
public static class PortalPolicies
{
    /// <summary>Watch, acknowledge and comment on alarms.</summary>
    public const string Operate = nameof(Operate);

    /// <summary>Upload recordings, train and score.</summary>
    public const string Engineer = nameof(Engineer);

    /// <summary>Review how the alarm system performs (alarm-load KPIs): managers, engineers and admins, not operators.</summary>
    public const string Review = nameof(Review);

    /// <summary>Read the audit trail (who acknowledged, promoted, changed thresholds or users): managers and admins.</summary>
    public const string Audit = nameof(Audit);

    /// <summary>Manage users and their roles: admins only.</summary>
    public const string Administer = nameof(Administer);
}
