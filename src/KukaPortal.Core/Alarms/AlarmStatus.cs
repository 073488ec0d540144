namespace KukaPortal.Core.Alarms;

/// <summary>
/// Where an alarm stands: its lifecycle state and, separately, whether its condition (the K-of-N rule)
/// is active right now. The two differ while the alarm is shelved, out of service or suppressed: the
/// condition keeps coming and going underneath, and leaving those states needs to know which state the
/// alarm would be in by now.
/// </summary>
public readonly record struct AlarmStatus(AlarmState State, bool ConditionActive)
{
    public static readonly AlarmStatus Normal = new(AlarmState.Normal, false);

    /// <summary>The state an alarm lands in when shelving, service or suppression ends: active-unacknowledged while its condition lasts, otherwise Normal.</summary>
    public AlarmStatus Reannunciated() =>
        ConditionActive ? new(AlarmState.ActiveUnacknowledged, true) : Normal;

    /// <summary>Shown to operators (not shelved, out of service or suppressed).</summary>
    public bool IsAnnunciated => State is not (AlarmState.Shelved or AlarmState.OutOfService or AlarmState.SuppressedByDesign);
}

/// <summary>The outcome of one operation: the new status and whether anything changed (nothing to record otherwise).</summary>
public readonly record struct AlarmTransition(AlarmStatus Status, bool Changed)
{
    public AlarmState State => Status.State;

    public static AlarmTransition To(AlarmStatus status) => new(status, true);
    public static AlarmTransition To(AlarmState state, bool conditionActive) => new(new AlarmStatus(state, conditionActive), true);
    public static AlarmTransition Unchanged(AlarmStatus status) => new(status, false);
}

/// <summary>Something the alarm rules do not allow; the message is meant for the person who asked (HTTP 409).</summary>
public class AlarmRuleViolationException(string message) : InvalidOperationException(message);

/// <summary>An operation that the alarm's state does not allow.</summary>
public sealed class IllegalAlarmTransitionException(AlarmState state, AlarmOperation operation, string message)
    : AlarmRuleViolationException(message)
{
    public AlarmState State { get; } = state;
    public AlarmOperation Operation { get; } = operation;
}

public enum AlarmOperation { Raise, ReturnToNormal, Acknowledge, Shelve, Unshelve, RemoveFromService, ReturnToService, Suppress, Unsuppress }
