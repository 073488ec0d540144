using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public sealed class AlarmRuleTallyTests
{
    [Fact]
    public void Two_of_three_raises_once_per_burst_and_again_only_after_clearing()
    {
        // Burst 1 (windows 1-2) raises; it clears after three quiet windows; burst 2 (windows 7, 9) raises again.
        bool[] decisions = [false, true, true, false, false, false, false, true, false, true, false];

        var tally = AlarmRuleTally.Over(decisions, k: 2, n: 3);

        tally.Windows.ShouldBe(11);
        tally.AboveThreshold.ShouldBe(4);
        tally.Raised.ShouldBe(2);
    }

    [Fact]
    public void A_burst_that_does_not_clear_raises_only_once()
    {
        // Never three quiet windows in a row: the condition stays on, one alarm.
        bool[] decisions = [true, true, false, true, false, false, true, true];

        AlarmRuleTally.Over(decisions, k: 2, n: 3).Raised.ShouldBe(1);
    }

    [Fact]
    public void Isolated_above_windows_raise_nothing_under_an_on_delay()
    {
        bool[] decisions = [true, false, false, true, false, false, true];

        var tally = AlarmRuleTally.Over(decisions, k: 2, n: 3);

        tally.AboveThreshold.ShouldBe(3);
        tally.Raised.ShouldBe(0);
    }

    [Fact]
    public void Counts_exactly_the_raises_of_the_live_rule()
    {
        var random = new Random(7);
        var decisions = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.3).ToArray();
        var rule = new OnDelayAlarmRule(3, 5);
        var raisedByRule = decisions.Count(d => rule.Push(d) == ConditionChange.Raised);

        AlarmRuleTally.Over(decisions, k: 3, n: 5).Raised.ShouldBe(raisedByRule);
    }

    [Fact]
    public void An_empty_run_counts_nothing()
    {
        var tally = AlarmRuleTally.Over([], k: 1, n: 1);

        (tally.Windows, tally.AboveThreshold, tally.Raised).ShouldBe((0, 0, 0));
    }
}
