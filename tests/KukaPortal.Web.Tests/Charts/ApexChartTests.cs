using KukaPortal.Web.Components.Charts;

namespace KukaPortal.Web.Tests.Charts;

public sealed class ApexChartTests : PortalComponentTest
{
    [Fact]
    public void Renders_the_options_through_the_apex_chart_module_once()
    {
        var module = JSInterop.SetupModule("./js/apex-chart.js");
        var options = new { chart = new { type = "line" }, series = new[] { new { name = "Score", data = new[] { 1.0, 2.0 } } } };

        var chart = Render<ApexChart>(p => p.Add(c => c.Options, options).Add(c => c.Label, "Score per window"));

        var render = module.Invocations["render"].ShouldHaveSingleItem();
        render.Arguments[1].ShouldBeSameAs(options);
        chart.Find("div.apex-chart").GetAttribute("aria-label").ShouldBe("Score per window");
    }

    [Fact]
    public void A_new_options_object_updates_the_chart_in_place_instead_of_drawing_a_new_one()
    {
        var module = JSInterop.SetupModule("./js/apex-chart.js");
        var handle = module.SetupModule("render", _ => true);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, new { series = Array.Empty<object>() }).Add(c => c.Label, "x"));

        var next = new { series = new[] { new { data = new[] { 3.0 } } } };
        chart.Render(p => p.Add(c => c.Options, next));

        module.Invocations["render"].Count.ShouldBe(1);
        handle.Invocations["update"].ShouldHaveSingleItem().Arguments[0].ShouldBeSameAs(next);
    }

    [Fact]
    public void Summary_text_is_there_for_screen_readers()
    {
        JSInterop.SetupModule("./js/apex-chart.js");
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, new { }).Add(c => c.Label, "x").Add(c => c.Summary, "3 of 40 windows above the threshold"));

        chart.Find(".visually-hidden").TextContent.ShouldBe("3 of 40 windows above the threshold");
    }
}
