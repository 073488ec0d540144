using KukaPortal.Core.Alarms;
using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Components.Settings;

/// <summary>A change of service mode the settings page offers: which operation and its button's words.</summary>
public sealed record ServiceModeAction(AssetModeOperation Operation, string Label);

/// <summary>A service mode change an engineer asked for, with the reason or comment typed.</summary>
public sealed record ServiceModeRequest(AssetModeOperation Operation, string? Text);

/// <summary>What the settings page offers from each mode: exactly the operations the state machine allows from it.</summary>
public static class ServiceModeActions
{
    public static IReadOnlyList<ServiceModeAction> From(AssetAlarmMode mode) => mode switch
    {
        AssetAlarmMode.InService =>
            [new(AssetModeOperation.Suppress, "Suppress alarms"), new(AssetModeOperation.RemoveFromService, "Take out of service")],
        AssetAlarmMode.SuppressedByDesign =>
            [new(AssetModeOperation.Unsuppress, "Stop suppressing"), new(AssetModeOperation.RemoveFromService, "Take out of service")],
        AssetAlarmMode.OutOfService =>
            [new(AssetModeOperation.ReturnToService, "Return to service")],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string Describe(AssetAlarmMode mode) => mode switch
    {
        AssetAlarmMode.InService => "In service",
        AssetAlarmMode.SuppressedByDesign => "Alarms suppressed",
        AssetAlarmMode.OutOfService => "Out of service",
        _ => mode.ToString(),
    };
}
