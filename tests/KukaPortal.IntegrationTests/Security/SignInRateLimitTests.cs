using System.Net;
using KukaPortal.IntegrationTests.Infrastructure;

namespace KukaPortal.IntegrationTests.Security;

/// <summary>A portal of its own: the shared one lifts the limit, since every test signs in from the same address.</summary>
public class SignInRateLimitTests
{
    [Fact]
    public async Task A_client_that_posts_more_sign_ins_than_the_limit_is_turned_away_even_with_the_right_password()
    {
        await using var deployment = new PortalDeployment();
        var node = await deployment.StartNodeAsync(new() { ["Security:SignInAttemptsPerMinute"] = "3" });

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var wrong = await Should.ThrowAsync<InvalidOperationException>(() => PortalSession.SignInAsync(node, PortalFactory.AdminEmail, "not-the-password"));
            wrong.Message.ShouldNotContain("(429)", customMessage: $"attempt {attempt} is within the limit");
        }
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => PortalSession.SignInAsync(node, PortalFactory.AdminEmail, PortalFactory.AdminPassword));

        refused.Message.ShouldContain("(429)");
        refused.Message.ShouldContain("Too many sign-in attempts from this address");
        // Reading the form is not an attempt: the page still opens.
        var page = await node.CreateClient().GetAsync("/account/login", TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
