using KukaPortal.Web.Components.Inspection;
using KukaPortal.Web.Inspection;

namespace KukaPortal.Web.Tests.Inspection;

/// <summary>The grid of scored images: each a named button with its verdict in words, the chosen one pressed.</summary>
public sealed class InspectionGridTests : PortalComponentTest
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
    private static readonly Guid Run = Guid.Parse("3f2b1c4d-0000-4000-8000-000000000001");

    private static InspectionImageRow Row(int index, double calibrated) =>
        new(Run, index, $"part-{index}.png", null, false, At.AddSeconds(index), index + 1, 1, calibrated * 0.2, calibrated, calibrated >= 1);

    [Fact]
    public void Each_thumbnail_is_a_button_named_by_image_verdict_and_score_with_the_verdict_in_text()
    {
        var grid = Render<InspectionGrid>(p => p
            .Add(g => g.AssetId, 4)
            .Add(g => g.Images, [Row(0, 0.42), Row(1, 2.5)]));

        var buttons = grid.FindAll("button[data-testid=inspection-thumbnail]");
        buttons.Count.ShouldBe(2);
        buttons[0].GetAttribute("aria-label").ShouldStartWith("part-0.png: OK, scored 0.42× threshold");
        buttons[1].GetAttribute("aria-label").ShouldStartWith("part-1.png: Defect, scored 2.50× threshold");
        buttons[1].QuerySelector("[data-testid=verdict]")!.TextContent.Trim().ShouldBe("Defect");
        buttons[1].QuerySelector("img")!.GetAttribute("src").ShouldBe($"api/assets/4/inspection/{Run}/1/thumbnail.png");
        buttons.ShouldAllBe(b => b.GetAttribute("aria-pressed") == "false");
    }

    [Fact]
    public void Clicking_a_thumbnail_chooses_its_image_and_the_selected_one_is_pressed()
    {
        InspectionImageRow? chosen = null;
        var grid = Render<InspectionGrid>(p => p
            .Add(g => g.AssetId, 4)
            .Add(g => g.Images, [Row(0, 0.42), Row(1, 2.5)])
            .Add(g => g.Selected, Row(1, 2.5))
            .Add(g => g.Chosen, (InspectionImageRow image) => chosen = image));

        grid.FindAll("button[data-testid=inspection-thumbnail]")[0].Click();

        chosen.ShouldBe(Row(0, 0.42));
        grid.FindAll("button[data-testid=inspection-thumbnail]").Select(b => b.GetAttribute("aria-pressed")).ShouldBe(["false", "true"]);
    }

    [Fact]
    public void Without_images_it_says_so()
    {
        var grid = Render<InspectionGrid>(p => p.Add(g => g.AssetId, 4).Add(g => g.Images, []).Add(g => g.EmptyText, "Nothing yet."));

        grid.Find("[data-testid=inspection-empty]").TextContent.ShouldBe("Nothing yet.");
    }
}
