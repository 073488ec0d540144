using System.Reflection;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Ingest;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Auth;

/// <summary>
/// Every endpoint the portal maps and every hub method, with the guard its metadata gives it, against a table
/// written out here. A new endpoint fails this test until someone decides who may call it; an endpoint that lost
/// its policy shows up as a changed row. Pages are <see cref="RoleMatrixTests"/>' table; what each role actually
/// gets back from the guarded actions is tested there too.
/// </summary>
public class EndpointGuardTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Anonymous = "anonymous";
    private const string ApiKey = "asset API key";
    private const string SignedIn = "signed in";

    private static readonly Dictionary<string, string> Expected = new()
    {
        // Anonymous by design: the load balancer's probe. Sign-in itself is a page (RoleMatrixTests).
        ["ANY /health"] = Anonymous,
        // Machines: the asset's API key, checked by AssetApiKeyFilter.
        ["POST /api/assets/{assetId:int}/samples"] = ApiKey,
        ["POST /api/assets/{assetId:int}/images"] = ApiKey,
        // Blazor's circuit, our hub and framework plumbing: any signed-in user (the fallback policy).
        ["ANY /_blazor"] = SignedIn,
        ["ANY /_blazor/disconnect/"] = SignedIn,
        ["ANY /_blazor/initializers/"] = SignedIn,
        ["ANY /_blazor/negotiate"] = SignedIn,
        ["GET /_framework/opaque-redirect"] = SignedIn,
        ["GET /{**path:file}"] = SignedIn,
        ["HEAD /{**path:file}"] = SignedIn,
        ["ANY /hubs/monitoring"] = SignedIn,
        ["ANY /hubs/monitoring/negotiate"] = SignedIn,
        ["POST /account/logout"] = SignedIn,
        ["GET /api/alarms/{alarmId:long}/events"] = SignedIn,
        ["GET /api/jobs/{jobId:guid}"] = SignedIn,
        ["GET /api/assets/{assetId:int}/runs/{runId:guid}/windows/{windowIndex:int}/reconstruction"] = SignedIn,
        ["GET /api/assets/{assetId:int}/inspection/{runId:guid}/{windowIndex:int}/{panel}.png"] = SignedIn,
        // Operators act on alarms.
        ["POST /api/alarms/acknowledge"] = "Operate",
        ["POST /api/alarms/{alarmId:long}/acknowledge"] = "Operate",
        ["POST /api/alarms/{alarmId:long}/classify"] = "Operate",
        ["POST /api/alarms/{alarmId:long}/shelve"] = "Operate",
        ["POST /api/alarms/{alarmId:long}/unshelve"] = "Operate",
        // Managers (and engineers) review.
        ["GET /api/alarms/kpis"] = "Review",
        ["GET /api/history/alarms.csv"] = "Review",
        ["GET /api/history/scores.csv"] = "Review",
        ["GET /api/assets/{assetId:int}/models/"] = "Review",
        ["GET /api/assets/{assetId:int}/models/what-if/{jobId:guid}"] = "Review",
        // Engineers change data, models, keys and settings.
        ["GET /api/assets/{assetId:int}/api-keys/"] = "Engineer",
        ["POST /api/assets/{assetId:int}/api-keys/"] = "Engineer",
        ["DELETE /api/assets/{assetId:int}/api-keys/{keyId:int}"] = "Engineer",
        ["POST /api/assets/{assetId:int}/recordings"] = "Engineer",
        ["POST /api/assets/{assetId:int}/recordings/staged/{uploadId:guid}/confirm"] = "Engineer",
        ["DELETE /api/assets/{assetId:int}/recordings/staged/{uploadId:guid}"] = "Engineer",
        ["POST /api/assets/{assetId:int}/jobs/score"] = "Engineer",
        ["POST /api/assets/{assetId:int}/jobs/train"] = "Engineer",
        ["POST /api/assets/{assetId:int}/jobs/train-images"] = "Engineer",
        ["POST /api/assets/{assetId:int}/jobs/score-images"] = "Engineer",
        ["POST /api/jobs/{jobId:guid}/cancel"] = "Engineer",
        ["POST /api/assets/{assetId:int}/models/rollback"] = "Engineer",
        ["POST /api/assets/{assetId:int}/models/{modelId:int}/promote"] = "Engineer",
        ["POST /api/assets/{assetId:int}/models/{modelId:int}/what-if"] = "Engineer",
        ["POST /api/assets/{assetId:int}/replay/"] = "Engineer",
        ["DELETE /api/assets/{assetId:int}/replay/"] = "Engineer",
        ["POST /api/assets/{assetId:int}/out-of-service"] = "Engineer",
        ["POST /api/assets/{assetId:int}/return-to-service"] = "Engineer",
        ["POST /api/assets/{assetId:int}/suppress-alarms"] = "Engineer",
        ["POST /api/assets/{assetId:int}/unsuppress-alarms"] = "Engineer",
        ["PUT /api/assets/{assetId:int}/alarm-rule"] = "Engineer",
        ["PUT /api/assets/{assetId:int}/threshold-override"] = "Engineer",
        ["DELETE /api/assets/{assetId:int}/threshold-override"] = "Engineer",
    };

    [Fact]
    public void Every_endpoint_has_the_guard_the_table_gives_it()
    {
        var sources = Portal.Services.GetRequiredService<EndpointDataSource>();
        var actual = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null) // pages: RoleMatrixTests
            .Where(e => !IsStaticFile(e))
            .SelectMany(e => MethodsOf(e).Select(m => (Key: $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}", Guard: GuardOf(e))))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(e => e.Guard).Distinct()));

        var unlisted = actual.Where(p => !Expected.ContainsKey(p.Key)).Select(p => $"[\"{p.Key}\"] = {p.Value}").ToList();
        var changed = actual.Where(p => Expected.TryGetValue(p.Key, out var guard) && guard != p.Value).Select(p => $"{p.Key}: expected {Expected[p.Key]}, has {p.Value}").ToList();
        var gone = Expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();

        unlisted.ShouldBeEmpty("new endpoints: decide who may call each and list it");
        changed.ShouldBeEmpty("endpoints whose guard changed");
        gone.ShouldBeEmpty("listed endpoints the portal no longer maps");
    }

    [Fact]
    public void Every_hub_method_needs_a_signed_in_user()
    {
        var hub = typeof(MonitoringHub);
        hub.GetCustomAttribute<AuthorizeAttribute>().ShouldNotBeNull("the hub itself requires a sign-in");
        var methods = hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .ToList();
        methods.ShouldNotBeEmpty();
        methods.ShouldAllBe(m => m.GetCustomAttribute<AllowAnonymousAttribute>() == null);
    }

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];

    /// <summary>What stands between a caller and the endpoint, as its metadata says (the fallback policy applies to none).</summary>
    private static string GuardOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            return endpoint.Metadata.GetMetadata<AssetApiKeyMetadata>() is not null ? ApiKey : Anonymous;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy ?? (a.Roles is null ? null : $"roles {a.Roles}"))
            .OfType<string>().Distinct().Order().ToList();
        return policies.Count == 0 ? SignedIn : string.Join(" + ", policies);
    }

    /// <summary>The build's static files (MudBlazor, our scripts): anonymous by design, one endpoint per file and encoding.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
}
