namespace KukaPortal.Core.Alarms;

/// <summary>
/// The legal transitions of one alarm. Acknowledging twice is not an error (two operators may click at
/// once): it reports "no change" so the caller records nothing the second time.
/// </summary>
public static class AlarmLifecycle
{
    public static AlarmTransition Acknowledge(AlarmState state) => state switch
    {
        AlarmState.ActiveUnacknowledged => AlarmTransition.To(AlarmState.ActiveAcknowledged),
        AlarmState.ReturnedUnacknowledged => AlarmTransition.To(AlarmState.Normal),
        AlarmState.ActiveAcknowledged or AlarmState.Normal => AlarmTransition.Unchanged(state),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static AlarmTransition ReturnToNormal(AlarmState state) => state switch
    {
        AlarmState.ActiveUnacknowledged => AlarmTransition.To(AlarmState.ReturnedUnacknowledged),
        AlarmState.ActiveAcknowledged => AlarmTransition.To(AlarmState.Normal),
        AlarmState.ReturnedUnacknowledged or AlarmState.Normal => AlarmTransition.Unchanged(state),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool IsActive(AlarmState state) =>
        state is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged;

    public static bool NeedsAcknowledgement(AlarmState state) =>
        state is AlarmState.ActiveUnacknowledged or AlarmState.ReturnedUnacknowledged;
}

public readonly record struct AlarmTransition(AlarmState State, bool Changed)
{
    public static AlarmTransition To(AlarmState state) => new(state, true);
    public static AlarmTransition Unchanged(AlarmState state) => new(state, false);
}
