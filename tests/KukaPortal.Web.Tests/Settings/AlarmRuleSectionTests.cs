using Bunit;
using KukaPortal.Web.Components.Settings;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.Web.Tests.Settings;

public class AlarmRuleSectionTests : SectionTest
{
    private (int K, int N)? _saved;

    private IRenderedComponent<AlarmRuleSection> RenderRule(bool canEdit) =>
        Render<AlarmRuleSection>(p => p.Add(c => c.K, 2).Add(c => c.N, 3).Add(c => c.CanEdit, canEdit)
            .Add(c => c.OnSave, EventCallback.Factory.Create<(int K, int N)>(this, rule => _saved = rule)));

    [Fact]
    public void K_larger_than_N_says_why_and_cannot_be_saved()
    {
        var cut = RenderRule(canEdit: true);

        Input(cut, "alarm-rule-k").Input("5");

        cut.Find("[data-testid=alarm-rule-problem]").TextContent.ShouldStartWith("K (5) cannot be larger than N (3)");
        IsDisabled(cut.Find("[data-testid=alarm-rule-save]")).ShouldBeTrue();
    }

    [Fact]
    public void N_above_fifty_says_the_limit()
    {
        var cut = RenderRule(canEdit: true);

        Input(cut, "alarm-rule-n").Input("51");

        cut.Find("[data-testid=alarm-rule-problem]").TextContent.ShouldBe("N (the number of recent windows looked at) must be between 1 and 50; it was 51.");
        IsDisabled(cut.Find("[data-testid=alarm-rule-save]")).ShouldBeTrue();
    }

    [Fact]
    public void The_unchanged_rule_cannot_be_saved_and_a_valid_new_one_is_handed_to_the_page()
    {
        var cut = RenderRule(canEdit: true);
        IsDisabled(cut.Find("[data-testid=alarm-rule-save]")).ShouldBeTrue();

        Input(cut, "alarm-rule-n").Input("10");
        Input(cut, "alarm-rule-k").Input("4");
        cut.Find("[data-testid=alarm-rule-save]").Click();

        cut.FindAll("[data-testid=alarm-rule-problem]").ShouldBeEmpty();
        _saved.ShouldBe((4, 10));
    }

    [Fact]
    public void Read_only_it_states_the_rule_with_no_inputs_or_save()
    {
        var cut = RenderRule(canEdit: false);

        cut.Find("[data-testid=alarm-rule]").TextContent.ShouldContain("when 2 of the last 3 windows are above the threshold");
        cut.FindAll("input").ShouldBeEmpty();
        cut.FindAll("[data-testid=alarm-rule-save]").ShouldBeEmpty();
    }
}
