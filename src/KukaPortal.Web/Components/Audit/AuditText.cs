using System.Text.RegularExpressions;
using KukaPortal.Data.Audit;

namespace KukaPortal.Web.Components.Audit;

/// <summary>How the audit trail names its categories and actions for people: "Model promoted", not "ModelPromoted".</summary>
public static partial class AuditText
{
    public static string Category(AuditCategory category) => category switch
    {
        AuditCategory.Alarms => "Alarm handling",
        AuditCategory.Models => "Models",
        AuditCategory.Settings => "Settings and API keys",
        _ => "Users",
    };

    /// <summary>Splits the stored name at its capitals: "AlarmAcknowledged" → "Alarm acknowledged".</summary>
    public static string Action(string action)
    {
        var words = Capital().Replace(action, " $1").Trim();
        return words.Length == 0 ? action : (words[..1] + words[1..].ToLowerInvariant()).Replace("Api key", "API key");
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capital();
}
