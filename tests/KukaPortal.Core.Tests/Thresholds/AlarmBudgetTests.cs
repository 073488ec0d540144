using KukaPortal.Core.Thresholds;

namespace KukaPortal.Core.Tests.Thresholds;

public class AlarmBudgetTests
{
    // Time-ordered normal scores. With k = 2 of n = 2 an alarm needs two windows above in a row and
    // clears after two below in a row. Alarms by threshold:
    //   6: windows 1,2                      → 1
    //   5: + window 6 (alone)               → 1
    //   4: + window 5, so 5,6 pair up       → 2
    //   3: + windows 9,10                   → 3
    //   2: + windows 12,13, but only window 11 is below between 10 and 12 and clearing needs two,
    //      so they extend the alarm of 9,10 → 3
    //   1: every window above, one alarm that never clears → 1
    public static readonly double[] Scores = [1, 6, 6, 1, 1, 4, 5, 1, 1, 3, 3, 1, 2, 2];

    [Theory]
    [InlineData(6.0, 1)]
    [InlineData(5.0, 1)]
    [InlineData(4.0, 2)]
    [InlineData(3.0, 3)]
    [InlineData(2.0, 3)]
    [InlineData(1.0, 1)]
    public void Counts_alarms_the_live_rule_raises(double threshold, int alarms) =>
        AlarmBudget.CountAlarms(Scores, threshold, k: 2, n: 2).ShouldBe(alarms);

    [Fact]
    public void Chooses_the_lowest_threshold_within_budget_and_the_next_lower_exceeds_it()
    {
        // 1 alarm/h over 2 h allows 2 alarms: 4 gives 2, the next lower score 3 gives 3.
        var threshold = AlarmBudget.Choose(Scores, hours: 2, alarmsPerHour: 1, k: 2, n: 2);

        threshold.ShouldBe(4);
        AlarmBudget.CountAlarms(Scores, threshold, 2, 2).ShouldBeLessThanOrEqualTo(2);
        AlarmBudget.CountAlarms(Scores, 3, 2, 2).ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Does_not_fall_for_the_standing_alarm_at_the_lowest_score()
    {
        // Threshold 1 also "meets" 2 alarms (one alarm that never clears), but 2 and 3 do not: the
        // choice must stay where every higher threshold keeps the budget too.
        AlarmBudget.Choose(Scores, hours: 2, alarmsPerHour: 1, k: 2, n: 2).ShouldBe(4);
    }

    [Fact]
    public void Goes_above_every_score_when_even_the_highest_raises_too_many()
    {
        var threshold = AlarmBudget.Choose(Scores, hours: 2, alarmsPerHour: 0, k: 2, n: 2);

        threshold.ShouldBeGreaterThan(6);
        AlarmBudget.CountAlarms(Scores, threshold, 2, 2).ShouldBe(0);
    }

    [Fact]
    public void Alarm_count_can_rise_with_the_threshold()
    {
        // Why the choice is not a binary search: removing the middle window splits one alarm in two.
        AlarmBudget.CountAlarms([5, 3, 5], 3, k: 1, n: 1).ShouldBe(1);
        AlarmBudget.CountAlarms([5, 3, 5], 5, k: 1, n: 1).ShouldBe(2);
    }

    [Fact]
    public void Measures_hours_from_the_window_period() =>
        AlarmBudget.HoursOf(120, TimeSpan.FromMinutes(1)).ShouldBe(2.0);

    [Fact]
    public void Rejects_empty_data() =>
        Should.Throw<ArgumentException>(() => AlarmBudget.Choose([], 1, 1, 1, 1)).Message.ShouldContain("none");
}
