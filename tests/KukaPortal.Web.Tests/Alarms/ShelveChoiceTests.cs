using KukaPortal.Web.Components.Alarms;

namespace KukaPortal.Web.Tests.Alarms;

public sealed class ShelveChoiceTests
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(8);

    [Fact]
    public void A_preset_with_a_reason_is_valid() =>
        new ShelveChoice { Preset = 15, Reason = "Known drift" }.Problem(Max).ShouldBeNull();

    [Fact]
    public void The_reason_is_required() =>
        new ShelveChoice { Preset = 15, Reason = "  " }.Problem(Max).ShouldBe("A reason is required to shelve an alarm (for example \"sensor cable being replaced\").");

    [Fact]
    public void Custom_needs_minutes() =>
        new ShelveChoice { Preset = ShelveChoice.Custom, Reason = "x" }.Problem(Max).ShouldBe("Enter how many minutes to shelve the alarm for.");

    [Theory]
    [InlineData(0, "Shelving needs an expiry: minutes must be at least 1.")]
    [InlineData(481, "An alarm can be shelved for at most 480 minutes.")]
    public void Custom_minutes_stay_within_the_bounds(int minutes, string problem) =>
        new ShelveChoice { Preset = ShelveChoice.Custom, CustomMinutes = minutes, Reason = "x" }.Problem(Max).ShouldBe(problem);

    [Fact]
    public void Custom_minutes_at_the_bound_are_what_is_sent()
    {
        var choice = new ShelveChoice { Preset = ShelveChoice.Custom, CustomMinutes = 480, Reason = "x" };
        choice.Problem(Max).ShouldBeNull();
        choice.Minutes.ShouldBe(480);
    }
}
