using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>An operator who types /admin/users gets the denied page, and the menu never offered the link.</summary>
public class AdminUsersDeniedJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_operator_is_refused_the_users_page()
    {
        await Users.CreateAsync(portal, "operator@test.local", "Operator-Password-1", "Operator");

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync("operator@test.local", "Operator-Password-1");
            (await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).CountAsync()).ShouldBe(0);

            await page.GotoAsync("/admin/users");

            await page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }).WaitForAsync();
            new Uri(page.Url).AbsolutePath.ShouldBe("/account/denied");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Users and roles" }).CountAsync()).ShouldBe(0);
        });

        journey.ConsoleErrors.ShouldBeEmpty();
    }
}
