using System.Text.Json;
using KukaPortal.Web.Health;
using KukaPortal.Web.Torch;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KukaPortal.IntegrationTests.Slice;

public class HealthTests(PortalFactory portal)
{
    [Fact]
    public async Task Health_reports_the_database_and_the_torch_device_without_signing_in()
    {
        var response = await portal.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        response.IsSuccessStatusCode.ShouldBeTrue();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var checks = body.RootElement.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        var torch = checks.GetProperty("torch");
        torch.GetProperty("status").GetString().ShouldBe("Healthy");
        torch.GetProperty("data").GetProperty("device").GetString().ShouldBe("cpu");
        torch.GetProperty("data").GetProperty("libtorch").GetString().ShouldNotBeNullOrEmpty();
        torch.GetProperty("data").GetProperty("threads").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Without_a_loadable_torch_the_portal_is_degraded_and_says_why()
    {
        // A TorchStatus that never got a runtime is what a host whose libtorch failed to load reports.
        var check = new TorchHealthCheck(new TorchStatus());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description!.ShouldStartWith("Torch is not available:");
    }
}
