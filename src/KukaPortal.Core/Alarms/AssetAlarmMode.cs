namespace KukaPortal.Core.Alarms;

/// <summary>
/// Whether an asset's alarms are annunciated. Out of service (maintenance by an engineer) overrides
/// suppression by design (e.g. a maintenance mode of the robot). Alarms raised while the asset is not
/// in service are recorded in that state and never shown to operators.
/// </summary>
public enum AssetAlarmMode { InService, SuppressedByDesign, OutOfService }

public static class AssetAlarmModes
{
    /// <summary>The status a newly raised alarm starts in.</summary>
    public static AlarmStatus RaisedStatus(AssetAlarmMode mode) => mode switch
    {
        AssetAlarmMode.InService => new(AlarmState.ActiveUnacknowledged, true),
        AssetAlarmMode.SuppressedByDesign => new(AlarmState.SuppressedByDesign, true),
        AssetAlarmMode.OutOfService => new(AlarmState.OutOfService, true),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>
    /// The asset's next mode for one of the service operations (<see cref="AlarmOperation.RemoveFromService"/>,
    /// <see cref="AlarmOperation.ReturnToService"/>, <see cref="AlarmOperation.Suppress"/>, <see cref="AlarmOperation.Unsuppress"/>);
    /// a repeat is unchanged, an operation the mode does not allow throws <see cref="AlarmRuleViolationException"/>.
    /// </summary>
    public static (AssetAlarmMode Mode, bool Changed) Apply(AssetAlarmMode mode, AlarmOperation operation) => (mode, operation) switch
    {
        (AssetAlarmMode.OutOfService, AlarmOperation.RemoveFromService) => (mode, false),
        (_, AlarmOperation.RemoveFromService) => (AssetAlarmMode.OutOfService, true),
        (AssetAlarmMode.OutOfService, AlarmOperation.ReturnToService) => (AssetAlarmMode.InService, true),
        (_, AlarmOperation.ReturnToService) => throw new AlarmRuleViolationException("The asset is not out of service, so it cannot be returned to service."),
        (AssetAlarmMode.InService, AlarmOperation.Suppress) => (AssetAlarmMode.SuppressedByDesign, true),
        (AssetAlarmMode.SuppressedByDesign, AlarmOperation.Suppress) => (mode, false),
        (AssetAlarmMode.OutOfService, AlarmOperation.Suppress) => throw new AlarmRuleViolationException("The asset is out of service; return it to service before suppressing its alarms."),
        (AssetAlarmMode.SuppressedByDesign, AlarmOperation.Unsuppress) => (AssetAlarmMode.InService, true),
        (_, AlarmOperation.Unsuppress) => throw new AlarmRuleViolationException("The asset's alarms are not suppressed, so they cannot be unsuppressed."),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not an asset service operation."),
    };
}
