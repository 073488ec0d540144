using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;

namespace KukaPortal.Web.Monitoring;

/// <summary>The four asset service operations, by name; each needs a reason to leave service, a comment is optional to return.</summary>
public enum AssetModeOperation { RemoveFromService, ReturnToService, Suppress, Unsuppress }

/// <summary>
/// The one path for taking an asset out of service or suppressing its alarms, and back, shared by the API
/// and the settings page: the change goes through <see cref="AssetAlarmModeStore"/> (asset lock, an event per
/// affected alarm, audit entry) and dashboards are told of every alarm it changed. Callers check the Engineer policy.
/// </summary>
public sealed class AssetModeCommands(AssetAlarmModeStore store, MonitoringNotifier notifier)
{
    /// <summary>Why the operation cannot run with this text, as a sentence; null when it can.</summary>
    public static string? Problem(AssetModeOperation operation, string? text) => operation switch
    {
        AssetModeOperation.RemoveFromService when string.IsNullOrWhiteSpace(text) =>
            "A reason is required to take an asset out of service (for example \"gripper replacement\").",
        AssetModeOperation.Suppress when string.IsNullOrWhiteSpace(text) =>
            "A reason is required to suppress an asset's alarms (for example \"robot in teach mode\").",
        _ => null,
    };

    /// <summary>Runs the operation; an operation the current mode does not allow throws <see cref="AlarmRuleViolationException"/>.</summary>
    public async Task<AssetModeResult> RunAsync(int assetId, AssetModeOperation operation, string? text, string user, CancellationToken ct)
    {
        if (Problem(operation, text) is { } problem) throw new ArgumentException(problem, nameof(text));
        var result = await (operation switch
        {
            AssetModeOperation.RemoveFromService => store.RemoveFromServiceAsync(assetId, text!, user, ct),
            AssetModeOperation.ReturnToService => store.ReturnToServiceAsync(assetId, text, user, ct),
            AssetModeOperation.Suppress => store.SuppressAsync(assetId, text!, user, ct),
            AssetModeOperation.Unsuppress => store.UnsuppressAsync(assetId, text, user, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        });
        foreach (var alarm in result.ChangedAlarms)
            await notifier.AlarmChangedAsync(alarm);
        return result;
    }
}
