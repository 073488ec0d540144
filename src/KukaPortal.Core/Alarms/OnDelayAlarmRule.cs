namespace KukaPortal.Core.Alarms;

/// <summary>
/// Decides when a stream of per-window threshold decisions is an alarm condition: it comes on when
/// <see cref="K"/> of the last <see cref="N"/> windows are above the threshold (on-delay, so one noisy
/// window raises nothing) and goes off only when none of the last N are (off-delay, so a score
/// hovering at the threshold does not chatter). Live alarms and threshold budgeting use this one rule.
/// </summary>
public sealed class OnDelayAlarmRule
{
    private readonly bool[] _recent;
    private int _next;
    private int _seen;
    private int _aboveCount;

    public OnDelayAlarmRule(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        K = k;
        N = n;
        _recent = new bool[n];
    }

    public int K { get; }
    public int N { get; }
    public bool ConditionActive { get; private set; }

    /// <summary>Feeds one window's decision; returns what changed in the alarm condition.</summary>
    public ConditionChange Push(bool aboveThreshold)
    {
        if (_seen == N && _recent[_next]) _aboveCount--;
        _recent[_next] = aboveThreshold;
        if (aboveThreshold) _aboveCount++;
        _next = (_next + 1) % N;
        if (_seen < N) _seen++;

        if (!ConditionActive && _aboveCount >= K)
        {
            ConditionActive = true;
            return ConditionChange.Raised;
        }
        if (ConditionActive && _aboveCount == 0)
        {
            ConditionActive = false;
            return ConditionChange.Cleared;
        }
        return ConditionChange.None;
    }

    /// <summary>
    /// Sets the condition to what is stored when a run resumes: the replayed decisions rebuild the window memory,
    /// but the stored alarm says whether the condition is on. Set off while K of the last N are above, the next
    /// window that keeps them there raises it, so an alarm a new K or N calls for is stored, not assumed.
    /// </summary>
    public void ResumeCondition(bool active) => ConditionActive = active;
}

public enum ConditionChange { None, Raised, Cleared }
