using KukaPortal.Core.Alarms;
using KukaPortal.Web.Jobs;
using Shouldly;

namespace KukaPortal.Web.Tests.Jobs;

/// <summary>How a resumed run (a restarted job, a stream after a restart or a K/N change) rebuilds its alarm rule.</summary>
public sealed class ScoringResumeTests
{
    private static readonly bool[] ThreeOfFiveAbove = [true, false, true, true, false];

    [Fact]
    public void An_active_stored_alarm_stays_active_and_clears_only_when_the_windows_fall_quiet()
    {
        var rule = new ScoringResume(NextWindow: 5, ThreeOfFiveAbove, AlarmActive: true).Rule(k: 3, n: 5);

        rule.ConditionActive.ShouldBeTrue();
        // The last above-threshold window of the five leaves the memory with the fourth quiet one.
        for (var i = 0; i < 3; i++) rule.Push(false).ShouldBe(ConditionChange.None);
        rule.Push(false).ShouldBe(ConditionChange.Cleared);
    }

    [Fact]
    public void A_tighter_rule_that_the_stored_decisions_already_meet_raises_on_the_next_window_instead_of_assuming_the_alarm()
    {
        // Stored under 4 of 5 (no alarm); the engineer changed the rule to 2 of 5, which these decisions meet.
        var rule = new ScoringResume(NextWindow: 5, ThreeOfFiveAbove, AlarmActive: false).Rule(k: 2, n: 5);

        rule.ConditionActive.ShouldBeFalse();
        rule.Push(true).ShouldBe(ConditionChange.Raised);
    }

    [Fact]
    public void Without_a_stored_alarm_a_rule_the_decisions_do_not_meet_waits_for_k_windows()
    {
        var rule = new ScoringResume(NextWindow: 5, [false, false, false, false, true], AlarmActive: false).Rule(k: 3, n: 5);

        rule.Push(true).ShouldBe(ConditionChange.None);
        rule.Push(true).ShouldBe(ConditionChange.Raised);
    }
}
