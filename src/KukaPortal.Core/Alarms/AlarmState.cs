namespace KukaPortal.Core.Alarms;

/// <summary>Alarm states after ISA-18.2 / IEC 62682 (the shelving and service states come with the alarm lifecycle work).</summary>
public enum AlarmState
{
    /// <summary>Condition cleared and acknowledged: the alarm is over.</summary>
    Normal,
    ActiveUnacknowledged,
    ActiveAcknowledged,
    ReturnedUnacknowledged,
}

public enum AlarmEventKind { Raised, Acknowledged, ReturnedToNormal }
