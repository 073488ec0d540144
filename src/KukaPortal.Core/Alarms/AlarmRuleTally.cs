namespace KukaPortal.Core.Alarms;

/// <summary>
/// Counts what the K-of-N <see cref="OnDelayAlarmRule"/> does over a run of per-window decisions: the
/// windows seen, those above the threshold and the alarms raised. The what-if replay of a model and the
/// alarm budget both count with it, so "alarms it would have raised" means exactly what live scoring does.
/// </summary>
public sealed class AlarmRuleTally(int k, int n)
{
    private readonly OnDelayAlarmRule _rule = new(k, n);

    public int Windows { get; private set; }
    public int AboveThreshold { get; private set; }
    public int Raised { get; private set; }

    public void Push(bool aboveThreshold)
    {
        Windows++;
        if (aboveThreshold) AboveThreshold++;
        if (_rule.Push(aboveThreshold) == ConditionChange.Raised) Raised++;
    }

    /// <summary>Replays one run of decisions, in time order, through a fresh rule.</summary>
    public static AlarmRuleTally Over(IEnumerable<bool> timeOrderedDecisions, int k, int n)
    {
        ArgumentNullException.ThrowIfNull(timeOrderedDecisions);
        var tally = new AlarmRuleTally(k, n);
        foreach (var above in timeOrderedDecisions) tally.Push(above);
        return tally;
    }
}
