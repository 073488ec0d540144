using Bunit;
using KukaPortal.Data.Settings;
using KukaPortal.Web.Components.Settings;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.Web.Tests.Settings;

public class ThresholdSectionTests : SectionTest
{
    private double? _previewed;
    private double? _saved;
    private bool _cleared;

    private IRenderedComponent<ThresholdSection> RenderThreshold(ActiveThreshold? threshold, bool canEdit, ThresholdPreview? preview = null) =>
        Render<ThresholdSection>(p => p.Add(c => c.Threshold, threshold).Add(c => c.CanEdit, canEdit).Add(c => c.Preview, preview)
            .Add(c => c.OnPreview, EventCallback.Factory.Create<double>(this, t => _previewed = t))
            .Add(c => c.OnSave, EventCallback.Factory.Create<double>(this, t => _saved = t))
            .Add(c => c.OnClear, EventCallback.Factory.Create(this, () => _cleared = true)));

    [Fact]
    public void Without_an_active_model_it_says_so_and_offers_nothing()
    {
        var cut = RenderThreshold(null, canEdit: true);

        cut.Find("[data-testid=threshold-section]").TextContent.ShouldContain("No active model yet");
        cut.FindAll("input").ShouldBeEmpty();
    }

    [Fact]
    public void Read_only_it_shows_the_trained_threshold_and_the_override_in_force_but_no_controls()
    {
        var cut = RenderThreshold(new ActiveThreshold(7, 3, Trained: 0.0125, Override: 0.02), canEdit: false);

        cut.Find("[data-testid=threshold-current]").TextContent.ShouldContain("Model v3: trained threshold 0.0125; overridden by 0.02, which scoring uses.");
        cut.FindAll("input").ShouldBeEmpty();
        cut.FindAll("[data-testid=threshold-save]").ShouldBeEmpty();
        cut.FindAll("[data-testid=threshold-clear]").ShouldBeEmpty();
    }

    [Fact]
    public void A_threshold_that_is_not_positive_says_why_and_can_be_neither_previewed_nor_set()
    {
        var cut = RenderThreshold(new ActiveThreshold(7, 3, 0.0125, null), canEdit: true);

        Input(cut, "threshold-input").Input("-0.5");

        cut.Find("[data-testid=threshold-problem]").TextContent.ShouldStartWith("The threshold must be a positive number");
        IsDisabled(cut.Find("[data-testid=threshold-preview]")).ShouldBeTrue();
        IsDisabled(cut.Find("[data-testid=threshold-save]")).ShouldBeTrue();
    }

    [Fact]
    public void A_typed_threshold_is_handed_to_the_page_for_preview_and_for_setting()
    {
        var cut = RenderThreshold(new ActiveThreshold(7, 3, 0.0125, null), canEdit: true);

        Input(cut, "threshold-input").Input("0.03");
        cut.Find("[data-testid=threshold-preview]").Click();
        cut.Find("[data-testid=threshold-save]").Click();

        _previewed.ShouldBe(0.03);
        _saved.ShouldBe(0.03);
    }

    [Fact]
    public void Clear_is_offered_only_while_an_override_is_in_force()
    {
        RenderThreshold(new ActiveThreshold(7, 3, 0.0125, null), canEdit: true).FindAll("[data-testid=threshold-clear]").ShouldBeEmpty();

        RenderThreshold(new ActiveThreshold(7, 3, 0.0125, 0.02), canEdit: true).Find("[data-testid=threshold-clear]").Click();

        _cleared.ShouldBeTrue();
    }

    [Fact]
    public void The_preview_shows_both_counts_per_period()
    {
        var preview = new ThresholdPreview(7, 3, 0.0125, 0.03, [new("last 24 h", 120, 9, 2), new("last 7 days", 800, 40, 11)]);

        var cut = RenderThreshold(new ActiveThreshold(7, 3, 0.0125, null), canEdit: true, preview);

        var rows = cut.FindAll("[data-testid=threshold-preview-table] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        rows.ShouldBe(["last 24 h | 120 | 9 | 2", "last 7 days | 800 | 40 | 11"]);
    }
}
