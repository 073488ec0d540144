using Bunit;
using KukaPortal.Web.Components.Shared;

namespace KukaPortal.Web.Tests.Charts;

/// <summary>The live chart's controls: the range it asks its script for, and the paused indicator with Resume.</summary>
public sealed class LiveScoreChartTests : PortalComponentTest
{
    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSModuleInterop _feed;

    public LiveScoreChartTests()
    {
        _module = JSInterop.SetupModule(LiveScoreChart.Module);
        _feed = _module.SetupModule("start", _ => true);
    }

    [Fact]
    public void Starts_the_feed_for_the_asset_on_the_last_five_minutes_and_offers_fifteen_and_sixty()
    {
        var chart = Render<LiveScoreChart>(p => p.Add(c => c.AssetId, 7));

        var start = _module.Invocations["start"].ShouldHaveSingleItem();
        start.Arguments[1].ShouldBe(7);
        start.Arguments[2].ShouldBe(5);
        RangeButtons(chart).Select(b => b.TextContent.Trim()).ShouldBe(["Last 5 min", "Last 15 min", "Last 60 min"]);
    }

    [Fact]
    public void Choosing_a_range_asks_the_running_feed_for_it_instead_of_starting_a_new_chart()
    {
        var chart = Render<LiveScoreChart>(p => p.Add(c => c.AssetId, 7));

        RangeButtons(chart).Single(b => b.TextContent.Trim() == "Last 60 min").Click();
        RangeButtons(chart).Single(b => b.TextContent.Trim() == "Last 60 min").Click();

        _feed.Invocations["setRange"].ShouldHaveSingleItem().Arguments[0].ShouldBe(60);
        _module.Invocations["start"].Count.ShouldBe(1);
    }

    [Fact]
    public async Task Zooming_pauses_with_the_count_of_waiting_windows_and_resume_catches_up()
    {
        var chart = Render<LiveScoreChart>(p => p.Add(c => c.AssetId, 7));
        chart.FindAll("[data-testid=score-chart-paused]").ShouldBeEmpty();

        await chart.InvokeAsync(chart.Instance.OnPausedByZoom);
        chart.Find("[data-testid=score-chart-paused]").TextContent.ShouldBe("Paused — 0 new windows");
        await chart.InvokeAsync(() => chart.Instance.OnPendingWindows(1));
        chart.Find("[data-testid=score-chart-paused]").TextContent.ShouldBe("Paused — 1 new window");
        await chart.InvokeAsync(() => chart.Instance.OnPendingWindows(12));
        chart.Find("[data-testid=score-chart-paused]").TextContent.ShouldBe("Paused — 12 new windows");

        chart.Find("[data-testid=score-chart-resume]").Click();

        _feed.Invocations["setPaused"].ShouldHaveSingleItem().Arguments[0].ShouldBe(false);
        chart.FindAll("[data-testid=score-chart-paused]").ShouldBeEmpty();
    }

    [Fact]
    public void The_pause_switch_pauses_the_feed_and_shows_the_same_indicator()
    {
        var chart = Render<LiveScoreChart>(p => p.Add(c => c.AssetId, 7));

        chart.Find("input[type=checkbox]").Change(true);

        _feed.Invocations["setPaused"].ShouldHaveSingleItem().Arguments[0].ShouldBe(true);
        chart.Find("[data-testid=score-chart-paused]").TextContent.ShouldBe("Paused — 0 new windows");
        chart.Find("[data-testid=score-chart-resume]").ShouldNotBeNull();
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> RangeButtons(IRenderedComponent<LiveScoreChart> chart) =>
        chart.FindAll("[data-testid=score-chart-range] .mud-toggle-item");
}
