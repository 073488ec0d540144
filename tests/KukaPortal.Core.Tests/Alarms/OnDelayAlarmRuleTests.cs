using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public class OnDelayAlarmRuleTests
{
    private static ConditionChange[] Feed(OnDelayAlarmRule rule, params bool[] above) => above.Select(rule.Push).ToArray();

    [Fact]
    public void One_window_above_the_threshold_raises_nothing()
    {
        var rule = new OnDelayAlarmRule(k: 2, n: 3);

        Feed(rule, true, false, false, true, false).ShouldAllBe(c => c == ConditionChange.None);
        rule.ConditionActive.ShouldBeFalse();
    }

    [Fact]
    public void K_of_the_last_N_windows_raise_the_condition_once()
    {
        var rule = new OnDelayAlarmRule(k: 2, n: 3);

        Feed(rule, true, false, true, true, true)
            .ShouldBe([ConditionChange.None, ConditionChange.None, ConditionChange.Raised, ConditionChange.None, ConditionChange.None]);
    }

    [Fact]
    public void The_condition_clears_only_when_no_recent_window_is_above()
    {
        var rule = new OnDelayAlarmRule(k: 2, n: 3);
        Feed(rule, true, true);

        // A score hovering at the threshold keeps the alarm on instead of chattering.
        Feed(rule, false, true, false, false).ShouldAllBe(c => c == ConditionChange.None);
        rule.Push(false).ShouldBe(ConditionChange.Cleared);
    }

    [Fact]
    public void K_equal_one_and_N_equal_one_follows_each_window()
    {
        var rule = new OnDelayAlarmRule(k: 1, n: 1);

        Feed(rule, true, true, false, true)
            .ShouldBe([ConditionChange.Raised, ConditionChange.None, ConditionChange.Cleared, ConditionChange.Raised]);
    }

    [Fact]
    public void K_larger_than_N_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new OnDelayAlarmRule(k: 4, n: 3));
}
