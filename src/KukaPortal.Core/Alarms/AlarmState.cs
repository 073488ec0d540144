namespace KukaPortal.Core.Alarms;

/// <summary>Alarm states after ISA-18.2 / IEC 62682.</summary>
public enum AlarmState
{
    /// <summary>Condition cleared and acknowledged: the alarm is over.</summary>
    Normal,
    ActiveUnacknowledged,
    ActiveAcknowledged,
    ReturnedUnacknowledged,

    /// <summary>Hidden from operators by an operator, for a limited time and with a reason; unshelves itself at expiry.</summary>
    Shelved,

    /// <summary>Taken out of service by an engineer (maintenance) until returned to service; no expiry.</summary>
    OutOfService,

    /// <summary>Suppressed by design, e.g. because its asset is in a maintenance mode.</summary>
    SuppressedByDesign,
}

public enum AlarmEventKind
{
    Raised, Acknowledged, ReturnedToNormal, Shelved, Unshelved, RemovedFromService, ReturnedToService, Suppressed, Unsuppressed, Classified, PriorityChanged,
}
