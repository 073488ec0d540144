using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Security;

namespace KukaPortal.IntegrationTests.Security;

public class SecurityHeaderTests(PortalFactory portal) : PortalTest(portal)
{
    public static TheoryData<string> Urls => ["/account/login", "/api/jobs/00000000-0000-0000-0000-000000000000", "/css/portal.css", "/health"];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Pages_api_answers_and_static_files_forbid_framing_sniffing_and_foreign_scripts(string url)
    {
        var client = Portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("frame-ancestors 'none'");
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("script-src 'self';");
        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").ShouldHaveSingleItem().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("same-origin");
    }
}
