namespace KukaPortal.Core.Alarms;

/// <summary>
/// The alarm state machine after ISA-18.2 / IEC 62682. Pure: it takes a status and returns the next
/// one. Repeats that two people may cause at once (acknowledging, shelving, removing from service,
/// suppressing twice) are not errors: they report "unchanged" so the caller records nothing the second
/// time. Operations the state does not allow throw <see cref="IllegalAlarmTransitionException"/> with
/// a sentence for the person who asked.
/// </summary>
public static class AlarmLifecycle
{
    /// <summary>The condition came on. Shelved, out-of-service and suppressed alarms only note it.</summary>
    public static AlarmTransition Raise(AlarmStatus s) => s.State switch
    {
        AlarmState.Normal or AlarmState.ReturnedUnacknowledged => AlarmTransition.To(AlarmState.ActiveUnacknowledged, true),
        AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged => AlarmTransition.Unchanged(s),
        _ => ConditionOnly(s, active: true),
    };

    /// <summary>The condition cleared.</summary>
    public static AlarmTransition ReturnToNormal(AlarmStatus s) => s.State switch
    {
        AlarmState.ActiveUnacknowledged => AlarmTransition.To(AlarmState.ReturnedUnacknowledged, false),
        AlarmState.ActiveAcknowledged => AlarmTransition.To(AlarmStatus.Normal),
        AlarmState.ReturnedUnacknowledged or AlarmState.Normal => AlarmTransition.Unchanged(s),
        _ => ConditionOnly(s, active: false),
    };

    public static AlarmTransition Acknowledge(AlarmStatus s) => s.State switch
    {
        AlarmState.ActiveUnacknowledged => AlarmTransition.To(AlarmState.ActiveAcknowledged, true),
        AlarmState.ReturnedUnacknowledged => AlarmTransition.To(AlarmStatus.Normal),
        AlarmState.ActiveAcknowledged or AlarmState.Normal => AlarmTransition.Unchanged(s),
        AlarmState.Shelved => throw Illegal(s, AlarmOperation.Acknowledge, "A shelved alarm cannot be acknowledged; unshelve it first."),
        AlarmState.OutOfService => throw Illegal(s, AlarmOperation.Acknowledge, "An alarm that is out of service cannot be acknowledged."),
        AlarmState.SuppressedByDesign => throw Illegal(s, AlarmOperation.Acknowledge, "A suppressed alarm cannot be acknowledged."),
        _ => throw Unknown(s),
    };

    /// <summary>Shelving needs an expiry and a reason (checked by <see cref="ShelveRules"/>); a second shelve keeps the first one's expiry.</summary>
    public static AlarmTransition Shelve(AlarmStatus s) => s.State switch
    {
        AlarmState.Normal or AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged or AlarmState.ReturnedUnacknowledged
            => AlarmTransition.To(s with { State = AlarmState.Shelved }),
        AlarmState.Shelved => AlarmTransition.Unchanged(s),
        AlarmState.OutOfService => throw Illegal(s, AlarmOperation.Shelve, "An alarm that is out of service cannot be shelved."),
        AlarmState.SuppressedByDesign => throw Illegal(s, AlarmOperation.Shelve, "A suppressed alarm cannot be shelved."),
        _ => throw Unknown(s),
    };

    /// <summary>Manual unshelve or expiry: back to active-unacknowledged if the condition is still on, otherwise Normal.</summary>
    public static AlarmTransition Unshelve(AlarmStatus s) => s.State switch
    {
        AlarmState.Shelved => AlarmTransition.To(s.Reannunciated()),
        _ => throw Illegal(s, AlarmOperation.Unshelve, $"Only a shelved alarm can be unshelved; this one is {Describe(s.State)}."),
    };

    /// <summary>Maintenance by an engineer: overrides shelving and suppression, lasts until returned to service.</summary>
    public static AlarmTransition RemoveFromService(AlarmStatus s) => s.State switch
    {
        AlarmState.OutOfService => AlarmTransition.Unchanged(s),
        AlarmState.Normal or AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged or AlarmState.ReturnedUnacknowledged
            or AlarmState.Shelved or AlarmState.SuppressedByDesign => AlarmTransition.To(s with { State = AlarmState.OutOfService }),
        _ => throw Unknown(s),
    };

    public static AlarmTransition ReturnToService(AlarmStatus s) => s.State switch
    {
        AlarmState.OutOfService => AlarmTransition.To(s.Reannunciated()),
        _ => throw Illegal(s, AlarmOperation.ReturnToService, $"Only an alarm that is out of service can be returned to service; this one is {Describe(s.State)}."),
    };

    public static AlarmTransition Suppress(AlarmStatus s) => s.State switch
    {
        AlarmState.SuppressedByDesign => AlarmTransition.Unchanged(s),
        AlarmState.Normal or AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged or AlarmState.ReturnedUnacknowledged
            or AlarmState.Shelved => AlarmTransition.To(s with { State = AlarmState.SuppressedByDesign }),
        AlarmState.OutOfService => throw Illegal(s, AlarmOperation.Suppress, "An alarm that is out of service cannot be suppressed; return it to service first."),
        _ => throw Unknown(s),
    };

    public static AlarmTransition Unsuppress(AlarmStatus s) => s.State switch
    {
        AlarmState.SuppressedByDesign => AlarmTransition.To(s.Reannunciated()),
        _ => throw Illegal(s, AlarmOperation.Unsuppress, $"Only a suppressed alarm can be unsuppressed; this one is {Describe(s.State)}."),
    };

    public static bool IsActive(AlarmState state) =>
        state is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged;

    public static bool NeedsAcknowledgement(AlarmState state) =>
        state is AlarmState.ActiveUnacknowledged or AlarmState.ReturnedUnacknowledged;

    /// <summary>How a state reads in a sentence ("this one is out of service").</summary>
    public static string Describe(AlarmState state) => state switch
    {
        AlarmState.Normal => "normal",
        AlarmState.ActiveUnacknowledged => "active and unacknowledged",
        AlarmState.ActiveAcknowledged => "active and acknowledged",
        AlarmState.ReturnedUnacknowledged => "returned to normal but unacknowledged",
        AlarmState.Shelved => "shelved",
        AlarmState.OutOfService => "out of service",
        AlarmState.SuppressedByDesign => "suppressed by design",
        _ => state.ToString(),
    };

    private static AlarmTransition ConditionOnly(AlarmStatus s, bool active) =>
        s.ConditionActive == active ? AlarmTransition.Unchanged(s) : AlarmTransition.To(s with { ConditionActive = active });

    private static IllegalAlarmTransitionException Illegal(AlarmStatus s, AlarmOperation operation, string message) =>
        new(s.State, operation, message);

    private static ArgumentOutOfRangeException Unknown(AlarmStatus s) => new(nameof(s), s.State, "Unknown alarm state.");
}
