using KukaPortal.Core.Alarms;
using MudBlazor;

namespace KukaPortal.Web.Components.Alarms;

/// <summary>How alarm states, priorities and classifications read and look on every alarm page, in one place.</summary>
public static class AlarmText
{
    public static string State(AlarmState state) => state switch
    {
        AlarmState.ActiveUnacknowledged => "Active, unacknowledged",
        AlarmState.ActiveAcknowledged => "Active, acknowledged",
        AlarmState.ReturnedUnacknowledged => "Returned to normal, unacknowledged",
        AlarmState.Shelved => "Shelved",
        AlarmState.OutOfService => "Out of service",
        AlarmState.SuppressedByDesign => "Suppressed",
        _ => "Closed",
    };

    /// <summary>Red for what still needs someone, amber for active but handled, grey for hidden or over.</summary>
    public static Color StateColor(AlarmState state) => state switch
    {
        AlarmState.ActiveUnacknowledged or AlarmState.ReturnedUnacknowledged => Color.Error,
        AlarmState.ActiveAcknowledged => Color.Warning,
        AlarmState.Shelved or AlarmState.OutOfService or AlarmState.SuppressedByDesign => Color.Info,
        _ => Color.Default,
    };

    public static Color PriorityColor(AlarmPriority priority) => priority switch
    {
        AlarmPriority.Urgent => Color.Error,
        AlarmPriority.High => Color.Warning,
        AlarmPriority.Medium => Color.Info,
        _ => Color.Default,
    };

    public static string Classification(AlarmClassification? classification) => classification switch
    {
        AlarmClassification.TrueAnomaly => "True anomaly",
        AlarmClassification.FalseAlarm => "False alarm",
        AlarmClassification.Maintenance => "Maintenance",
        AlarmClassification.Unknown => "Unknown",
        _ => "Unclassified",
    };

    /// <summary>Operators shelve and acknowledge what is still in front of them; an alarm that is over or hidden by engineers is left alone.</summary>
    public static bool CanShelve(AlarmState state) =>
        state is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged or AlarmState.ReturnedUnacknowledged;

    public static string Time(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss") ?? "";
}
