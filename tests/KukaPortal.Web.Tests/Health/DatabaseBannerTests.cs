using KukaPortal.Web.Components.Shared;
using KukaPortal.Web.Health;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.Web.Tests.Health;

public sealed class DatabaseBannerTests : PortalComponentTest
{
    private DatabaseStatus Status => Services.GetRequiredService<DatabaseStatus>();

    [Fact]
    public void It_appears_on_an_open_page_when_the_database_is_lost_and_goes_when_it_is_back()
    {
        var banner = Render<DatabaseBanner>();
        banner.FindAll("[data-testid=database-banner]").ShouldBeEmpty();

        Status.Report(reachable: false);
        banner.WaitForAssertion(() => banner.Find("[data-testid=database-banner]").GetAttribute("role").ShouldBe("alert"));
        banner.Find("[data-testid=database-banner]").TextContent.ShouldContain("The database is unreachable");

        Status.Report(reachable: true);
        banner.WaitForAssertion(() => banner.FindAll("[data-testid=database-banner]").ShouldBeEmpty());
    }
}
