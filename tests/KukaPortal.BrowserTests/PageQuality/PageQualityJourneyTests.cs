using Microsoft.Playwright;

namespace KukaPortal.BrowserTests.PageQuality;

/// <summary>
/// Every page, on a seeded asset, at the two screen sizes the portal is built for, as an administrator (who
/// sees every control): no console errors, no horizontal scrollbar, one h1, named controls, a working skip link.
/// </summary>
public class PageQualityJourneyTests(BrowserPortal portal)
{
    private static readonly ViewportSize[] Screens = [new() { Width = 1280, Height = 800 }, new() { Width = 1920, Height = 1080 }];

    [Fact]
    public void The_route_table_lists_every_page_of_the_portal() =>
        PageRoutes.Addresses.Keys.Order(StringComparer.Ordinal).ToList().ShouldBe(PageRoutes.Declared(),
            "a page was added or removed: list its address in PageRoutes so the quality journey checks it");

    [Fact]
    public async Task Every_page_meets_the_quality_bar_at_1280x800_and_1920x1080()
    {
        await portal.ResetAsync();
        var seed = await SeededAsset.CreateAsync(portal);
        var problems = new List<string>();

        foreach (var screen in Screens)
        {
            await using var journey = await PageJourney.OpenAsync(portal, screen);
            await journey.RunAsync(async page =>
            {
                await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
                foreach (var address in PageRoutes.Addresses.Values.Select(a => a(seed)))
                {
                    var errorsBefore = journey.ConsoleErrors.Count;
                    await OpenAsync(journey, address);
                    var found = (await PageQualityChecks.ProblemsAsync(page)).ToList();
                    found.AddRange(journey.ConsoleErrors.Skip(errorsBefore).Select(e => $"console error: {e}"));
                    problems.AddRange(found.Select(p => $"{screen.Width}×{screen.Height} {address}: {p}"));
                }
            });
        }

        problems.ShouldBeEmpty();
    }

    /// <summary>
    /// A full load of the address, ready for input: on interactive pages the circuit is live, and then the h1 is
    /// shown. In that order: the first interactive render starts again from the page's loading state, without its h1.
    /// </summary>
    private static async Task OpenAsync(PageJourney journey, string address)
    {
        await journey.Page.GotoAsync(address);
        if (await journey.Page.Locator("[data-interactive]").CountAsync() > 0) await journey.WaitForInteractiveAsync();
        await journey.Page.Locator("h1").First.WaitForAsync();
    }
}
