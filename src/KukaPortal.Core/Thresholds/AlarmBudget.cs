using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Thresholds;

/// <summary>
/// Chooses the threshold for an alarm budget by replaying held-out normal window scores, in time
/// order, through the same <see cref="OnDelayAlarmRule"/> the live monitor uses (a window is above
/// when its score ≥ the threshold), so the budget counts the alarms operators would actually get.
/// </summary>
public static class AlarmBudget
{
    /// <summary>The hours a run of windows spans when one window is scored every <paramref name="windowPeriod"/>.</summary>
    public static double HoursOf(int windowCount, TimeSpan windowPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowCount);
        if (windowPeriod <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(windowPeriod), windowPeriod, "The window period must be positive.");
        return windowCount * windowPeriod.TotalHours;
    }

    /// <summary>How many times the k-of-n rule raises its condition over <paramref name="timeOrderedScores"/>.</summary>
    public static int CountAlarms(IReadOnlyList<double> timeOrderedScores, double threshold, int k, int n)
        => AlarmRuleTally.Over(timeOrderedScores.Select(score => score >= threshold), k, n).Raised;

    /// <summary>
    /// The lowest distinct score such that it, and every higher score, gives at most
    /// <paramref name="alarmsPerHour"/> alarms per hour over <paramref name="hours"/>; the next lower
    /// distinct score gives more. Just above the highest score when even that raises too many.
    /// </summary>
    public static double Choose(IReadOnlyList<double> timeOrderedScores, double hours, double alarmsPerHour, int k, int n)
    {
        ArgumentNullException.ThrowIfNull(timeOrderedScores);
        if (timeOrderedScores.Count == 0)
            throw new ArgumentException("An alarm budget needs held-out normal scores; there are none.", nameof(timeOrderedScores));
        if (!(hours > 0) || double.IsInfinity(hours))
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "The normal data must span a positive, finite number of hours.");
        if (timeOrderedScores.Any(s => !double.IsFinite(s)))
            throw new ArgumentException("Every held-out normal score must be a finite number.", nameof(timeOrderedScores));

        // Not a binary search: the alarm count is NOT monotone in the threshold. Raising it removes
        // above-windows, and removing one can split an alarm in two: with k = n = 1, scores 5, 3, 5
        // give one alarm at threshold 3 (above, above, above) but two at threshold 5 (above, below,
        // above). At the lowest score every window is above and the whole run is one standing alarm,
        // which "meets" any budget; a search could land there. So walk down from the top and stop
        // at the first score over budget: every threshold at or above the choice then meets it.
        // Each step replays the scores, so the cost grows with how far down the choice lies — small
        // for real budgets, which sit among the highest scores.
        var candidates = timeOrderedScores.Distinct().OrderDescending().ToArray();
        var budget = alarmsPerHour * hours;
        var chosen = Math.BitIncrement(candidates[0]);
        foreach (var candidate in candidates)
        {
            if (CountAlarms(timeOrderedScores, candidate, k, n) > budget) break;
            chosen = candidate;
        }
        return chosen;
    }
}
