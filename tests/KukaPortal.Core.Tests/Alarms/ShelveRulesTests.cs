using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Tests.Alarms;

public class ShelveRulesTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(30, null, "A reason is required to shelve an alarm (for example \"sensor cable being replaced\").")]
    [InlineData(30, "   ", "A reason is required to shelve an alarm (for example \"sensor cable being replaced\").")]
    [InlineData(0, "cable swap", "Shelving needs an expiry: minutes must be at least 1.")]
    [InlineData(-5, "cable swap", "Shelving needs an expiry: minutes must be at least 1.")]
    [InlineData(10081, "cable swap", "An alarm can be shelved for at most 10080 minutes.")]
    public void Rejects(int minutes, string? reason, string message) =>
        ShelveRules.Validate(minutes, reason, Week).ShouldBe(message);

    [Theory]
    [InlineData(1)]
    [InlineData(10080)]
    public void Accepts(int minutes) => ShelveRules.Validate(minutes, "cable swap", Week).ShouldBeNull();
}
