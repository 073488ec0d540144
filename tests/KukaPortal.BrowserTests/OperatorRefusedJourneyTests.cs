using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>
/// An operator is offered none of the engineer's controls, is shown the access-denied page when typing an
/// engineer page's address, and is refused (403) when the browser calls an engineer endpoint with their cookie.
/// </summary>
public class OperatorRefusedJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    private const string OperatorEmail = "operator@journey.local";
    private const string OperatorPassword = "Operator-Password-1";

    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_operator_sees_no_engineer_controls_is_denied_the_engineer_pages_and_gets_403_from_the_engineer_api()
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Welder 3", CreatedAt = DateTimeOffset.UtcNow };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        await Users.CreateAsync(portal, OperatorEmail, OperatorPassword, PortalRoles.Operator);
        var refusedCalls = new List<string>();

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(OperatorEmail, OperatorPassword);
            (await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).CountAsync()).ShouldBe(0, "only engineers add assets");

            await page.GotoAsync($"/assets/{assetId}");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Welder 3" }).WaitForAsync();
            await journey.WaitForInteractiveAsync();
            var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Asset sections" });
            await Assertions.Expect(sections.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Live"]);
            (await page.Locator("input[type=file]").CountAsync()).ShouldBe(0, "the upload panels are for engineers");
            (await page.GetByTestId("upload-normal").CountAsync()).ShouldBe(0);
            (await page.GetByTestId("upload-scoring").CountAsync()).ShouldBe(0);

            foreach (var (section, heading) in new[] { ("data", "Data · Welder 3"), ("training", "Training · Welder 3"), ("models", "Welder 3: models") })
            {
                await page.GotoAsync($"/assets/{assetId}/{section}");
                await page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }).WaitForAsync();
                new Uri(page.Url).AbsolutePath.ShouldBe("/account/denied", $"typing /assets/{assetId}/{section}");
                (await page.GetByRole(AriaRole.Heading, new() { Name = heading }).CountAsync()).ShouldBe(0);
            }

            // The operator's own browser session (cookie and all) calls what the engineer's buttons call.
            await page.GotoAsync($"/assets/{assetId}");
            await journey.WaitForInteractiveAsync();
            foreach (var url in new[] { $"/api/assets/{assetId}/jobs/train", $"/api/assets/{assetId}/models/1/promote" })
            {
                var status = await page.EvaluateAsync<int>("""
                    async url => (await fetch(url, {
                      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ recordingId: 1 }),
                    })).status
                    """, url);
                status.ShouldBe(403, $"POST {url} as an operator");
                refusedCalls.Add(url);
            }
        });

        (await portal.WithDbAsync(db => db.Jobs.CountAsync())).ShouldBe(0, "no refused call queued anything");
        // The browser reports each refused call (as a 403 response and a failed resource); nothing else may have gone wrong.
        journey.ConsoleErrors.Where(e => !(e.StartsWith("403 ") && refusedCalls.Any(e.EndsWith)) && !e.Contains("status of 403 (Forbidden)"))
            .ShouldBeEmpty();
    }
}
