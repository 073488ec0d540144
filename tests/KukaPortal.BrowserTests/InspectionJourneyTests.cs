using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>
/// An operator reviews an inspection station: the grid of scored images, the defect filter, one image's four panels,
/// and a newly scored image arriving without a reload (stored through the score publisher, as the live endpoint does).
/// The station's model is the real <see cref="StationModel"/>; the images come from the inspection simulator.
/// </summary>
public class InspectionJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_grid_filters_defects_shows_an_images_panels_and_takes_new_images_live()
    {
        var station = await InspectionStation.CreateAsync(portal, "Paint shop camera");
        var samples = StationModel.TestImages();
        var images = samples.Select((s, i) => new StationImage($"part-{i:00}.png", s.Key.Label, s.Image)).ToList();
        var expected = await StationModel.ScoreAsync(portal, images.Select(i => i.Image).ToList());
        var worstIndex = expected.Select((s, i) => (s, i)).MaxBy(p => p.s.Calibrated).i;
        var scores = await station.PublishAsync(Guid.NewGuid(), images, DateTimeOffset.UtcNow.AddMinutes(-5), raiseAt: worstIndex);
        var defects = scores.Count(s => s.AboveThreshold);
        defects.ShouldBeGreaterThan(0, "the tiny model should find some of the simulated holes and stains");
        var alarmId = await portal.WithDbAsync(db => db.Alarms.Where(a => a.AssetId == station.AssetId).Select(a => a.Id).SingleAsync());

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/assets/{station.AssetId}");
            await journey.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("latest-image")).ToHaveCountAsync(8);
            await page.GetByRole(AriaRole.Link, new() { Name = "Inspection", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Inspection · Paint shop camera" }).WaitForAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-inspection-feed", "joined");

            var thumbnails = page.GetByTestId("inspection-thumbnail");
            await Assertions.Expect(thumbnails).ToHaveCountAsync(images.Count);
            await Assertions.Expect(thumbnails.First).ToHaveAttributeAsync("data-name", images[^1].Name); // the latest first

            await page.GetByLabel("Verdict", new() { Exact = true }).ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("Defect", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(thumbnails).ToHaveCountAsync(defects);
            foreach (var thumbnail in await thumbnails.AllAsync())
                await Assertions.Expect(thumbnail).ToHaveAttributeAsync("data-verdict", "defect");

            // The accessible name carries the verdict and the score, not just the picture.
            var worst = images[worstIndex];
            var chosen = page.GetByRole(AriaRole.Button, new() { Name = $"{worst.Name}: Defect, scored" });
            await chosen.ClickAsync();
            await Assertions.Expect(chosen).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(page.GetByTestId("inspection-detail-name")).ToHaveTextAsync(worst.Name);
            foreach (var panel in new[] { "input", "reconstruction", "heatmap" })
            {
                var picture = page.GetByTestId($"panel-{panel}");
                await Assertions.Expect(picture).ToBeVisibleAsync();
                await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());
                (await picture.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(32, panel);
            }
            // A received image has no ground truth: the fourth panel says so instead of failing to load.
            await Assertions.Expect(page.GetByTestId("panel-mask-none")).ToBeVisibleAsync();

            // Looking at an image holds the grid still; a new defect is counted, then shown on "Show latest".
            var hole = samples.First(s => s.Key.Label == "hole");
            var fresh = await station.PublishAsync(Guid.NewGuid(), [new StationImage("part-new.png", "hole", hole.Image)], DateTimeOffset.UtcNow);
            fresh[0].AboveThreshold.ShouldBeTrue("the new image must pass the Defect filter to appear");
            await Assertions.Expect(page.GetByTestId("inspection-paused")).ToHaveTextAsync("Paused — 1 new image");
            await Assertions.Expect(thumbnails).ToHaveCountAsync(defects);
            await page.GetByTestId("inspection-resume").ClickAsync();
            await Assertions.Expect(thumbnails).ToHaveCountAsync(defects + 1);
            await Assertions.Expect(thumbnails.First).ToHaveAttributeAsync("data-name", "part-new.png");

            // Following again: the next image appears by itself.
            await station.PublishAsync(Guid.NewGuid(), [new StationImage("part-newer.png", "hole", hole.Image)], DateTimeOffset.UtcNow);
            await Assertions.Expect(thumbnails.First).ToHaveAttributeAsync("data-name", "part-newer.png");

            // The station's alarm shows its worst image's panels where a robot's shows a window reconstruction.
            await page.GotoAsync($"/alarms/{alarmId}");
            await Assertions.Expect(page.GetByTestId("inspection-detail-name")).ToHaveTextAsync(worst.Name);
            var heatmap = page.GetByTestId("panel-heatmap");
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await heatmap.ElementHandleAsync());
            await page.GetByTestId("worst-image-link").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{worst.Name}: Defect, scored" })).ToHaveAttributeAsync("aria-pressed", "true");
        });

        journey.ConsoleErrors.ShouldBeEmpty();
    }
}
