using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public class AlarmRuleLimitsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(50, 50)]
    public void Rules_within_the_limits_are_allowed_and_the_rule_accepts_them(int k, int n)
    {
        AlarmRuleLimits.Problem(k, n).ShouldBeNull();
        new OnDelayAlarmRule(k, n).N.ShouldBe(n);
    }

    [Theory]
    [InlineData(0, 3, "K (windows above the threshold that raise an alarm) must be at least 1; it was 0.")]
    [InlineData(-2, 3, "K (windows above the threshold that raise an alarm) must be at least 1; it was -2.")]
    [InlineData(4, 3, "K (4) cannot be larger than N (3): an alarm cannot need more windows above the threshold than it looks at.")]
    [InlineData(1, 0, "N (the number of recent windows looked at) must be between 1 and 50; it was 0.")]
    [InlineData(10, 51, "N (the number of recent windows looked at) must be between 1 and 50; it was 51.")]
    public void Each_rule_outside_the_limits_gets_its_own_sentence(int k, int n, string problem) =>
        AlarmRuleLimits.Problem(k, n).ShouldBe(problem);
}
