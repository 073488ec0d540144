using System.Net;
using System.Net.Http.Json;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;

namespace KukaPortal.IntegrationTests.Auth;

public class AuthorizationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_login_page_from_pages()
    {
        var client = Portal.CreateClient(new() { AllowAutoRedirect = false });

        (await client.PostAsync("/api/assets/1/recordings", new StringContent("a\n1\n"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/jobs/" + Guid.NewGuid(), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in() =>
        await Should.ThrowAsync<InvalidOperationException>(() => PortalSession.SignInAsync(Portal, PortalFactory.AdminEmail, "not-the-password"));

    [Fact]
    public async Task An_operator_gets_403_on_engineer_actions_but_may_acknowledge()
    {
        await Users.CreateAsync(Portal, "operator@test.local", "Operator-Password-1", PortalRoles.Operator);
        using var session = await PortalSession.SignInAsync(Portal, "operator@test.local", "Operator-Password-1");
        var assetId = await CreateAssetAsync();

        (await session.Client.PostAsync($"/api/assets/{assetId}/recordings", new StringContent("a\n1\n"), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", new { recordingId = 1 }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.Client.PostAsJsonAsync("/api/alarms/12345/acknowledge", new { comment = "" }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_manager_may_not_acknowledge()
    {
        await Users.CreateAsync(Portal, "manager@test.local", "Manager-Password-1", PortalRoles.Manager);
        using var session = await PortalSession.SignInAsync(Portal, "manager@test.local", "Manager-Password-1");

        (await session.Client.PostAsJsonAsync("/api/alarms/1/acknowledge", new { comment = "" }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
