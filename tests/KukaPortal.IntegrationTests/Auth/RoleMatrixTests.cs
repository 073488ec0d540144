using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace KukaPortal.IntegrationTests.Auth;

/// <summary>
/// What each role gets from every page and every guarded API action, as a table. The page table must list
/// exactly the routable components of KukaPortal.Web (found by reflection), so a new page fails this test
/// until someone decides who may see it.
/// </summary>
public partial class RoleMatrixTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Anonymous = "(anonymous)";
    private const string SignedIn = "(signed in)";

    /// <summary>Who each policy lets in: written out here, not read from the portal, so a changed policy shows up.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Anonymous] = [Anonymous, .. PortalRoles.All],
        [SignedIn] = PortalRoles.All,
        [PortalPolicies.Operate] = [PortalRoles.Operator, PortalRoles.Engineer, PortalRoles.Admin],
        [PortalPolicies.Engineer] = [PortalRoles.Engineer, PortalRoles.Admin],
        [PortalPolicies.Review] = [PortalRoles.Manager, PortalRoles.Engineer, PortalRoles.Admin],
        [PortalPolicies.Audit] = [PortalRoles.Manager, PortalRoles.Admin],
        [PortalPolicies.Administer] = [PortalRoles.Admin],
    };

    /// <summary>Every page route and the policy that guards it. Only the account pages and the error page are anonymous.</summary>
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["/account/login"] = Anonymous,
        ["/account/denied"] = Anonymous,
        ["/error"] = Anonymous,
        ["/"] = SignedIn,
        ["/floor"] = SignedIn,
        ["/assets/{AssetId:int}"] = SignedIn,
        ["/assets/{AssetId:int}/inspection"] = SignedIn,
        ["/admin/users"] = PortalPolicies.Administer,
        ["/audit"] = PortalPolicies.Audit,
        ["/alarms"] = SignedIn,
        ["/alarms/{AlarmId:long}"] = SignedIn,
        ["/history"] = PortalPolicies.Review,
        ["/assets/{AssetId:int}/history"] = PortalPolicies.Review,
        ["/assets/{AssetId:int}/data"] = PortalPolicies.Engineer,
        ["/assets/{AssetId:int}/training"] = PortalPolicies.Engineer,
        ["/assets/{AssetId:int}/models"] = PortalPolicies.Review,
        ["/assets/{AssetId:int}/settings"] = PortalPolicies.Review,
    };

    /// <summary>Guarded API actions. Ids need not exist: authorization runs before the endpoint looks anything up.</summary>
    private static readonly (string Method, string Url, string Body, string Policy)[] Actions =
    [
        ("POST", "/api/assets/999999/recordings", "a\n1\n", PortalPolicies.Engineer),
        ("POST", $"/api/assets/999999/recordings/staged/{Guid.Empty}/confirm", "", PortalPolicies.Engineer),
        ("DELETE", $"/api/assets/999999/recordings/staged/{Guid.Empty}", "", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/jobs/train", """{"recordingId":1}""", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/jobs/score", """{"recordingId":1}""", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/jobs/train-images", """{"recordingIds":[1]}""", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/jobs/score-images", """{"recordingId":1}""", PortalPolicies.Engineer),
        ("POST", $"/api/jobs/{Guid.Empty}/cancel", "", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/api-keys", """{"name":"line 3"}""", PortalPolicies.Engineer),
        ("GET", "/api/assets/999999/api-keys", "", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/replay", """{"recordingId":1}""", PortalPolicies.Engineer),
        ("DELETE", "/api/assets/999999/replay", "", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/out-of-service", """{"reason":"maintenance"}""", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/return-to-service", "{}", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/suppress-alarms", """{"reason":"teach mode"}""", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/unsuppress-alarms", "{}", PortalPolicies.Engineer),
        ("PUT", "/api/assets/999999/alarm-rule", """{"k":2,"n":3}""", PortalPolicies.Engineer),
        ("PUT", "/api/assets/999999/threshold-override", """{"threshold":0.5}""", PortalPolicies.Engineer),
        ("DELETE", "/api/assets/999999/threshold-override", "", PortalPolicies.Engineer),
        ("POST", "/api/alarms/999999/acknowledge", """{"comment":""}""", PortalPolicies.Operate),
        ("POST", "/api/alarms/999999/shelve", """{"reason":"x","minutes":5}""", PortalPolicies.Operate),
        ("POST", "/api/alarms/999999/unshelve", "{}", PortalPolicies.Operate),
        ("POST", "/api/alarms/999999/classify", """{"classification":"Nuisance"}""", PortalPolicies.Operate),
        ("POST", "/api/alarms/acknowledge", """{"alarmIds":[999999],"comment":""}""", PortalPolicies.Operate),
        ("GET", "/api/alarms/kpis", "", PortalPolicies.Review),
        ("GET", "/api/history/alarms.csv", "", PortalPolicies.Review),
        ("GET", "/api/history/scores.csv", "", PortalPolicies.Review),
        ("GET", "/api/assets/999999/models", "", PortalPolicies.Review),
        ("POST", "/api/assets/999999/models/1/promote", "", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/models/rollback", "", PortalPolicies.Engineer),
        ("POST", "/api/assets/999999/models/1/what-if", "", PortalPolicies.Engineer),
        ("GET", $"/api/assets/999999/models/what-if/{Guid.Empty}", "", PortalPolicies.Review),
        ("GET", $"/api/jobs/{Guid.Empty}", "", SignedIn),
        ("GET", "/api/alarms/999999/events", "", SignedIn),
        ("GET", $"/api/assets/999999/inspection/{Guid.Empty}/0/input.png", "", SignedIn),
    ];

    [Fact]
    public void The_page_table_lists_every_routable_component_with_the_policy_its_attribute_names()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Policy: PolicyOf(t))))
            .ToDictionary(p => p.Template, p => p.Policy);

        pages.OrderBy(p => p.Key).ShouldBe(Pages.OrderBy(p => p.Key));
    }

    /// <summary>The policy a page's attributes give it: anonymous, a named policy, or the fallback (every signed-in user).</summary>
    private static string PolicyOf(Type page)
    {
        if (page.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return Anonymous;
        var policies = page.GetCustomAttributes<AuthorizeAttribute>().ToList();
        policies.ShouldAllBe(a => a.Roles == null, $"{page.Name}: pages name a policy, never a role list");
        return policies.Select(a => a.Policy).SingleOrDefault(p => p != null) ?? SignedIn;
    }

    public static TheoryData<string> Roles => [Anonymous, .. PortalRoles.All];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_reaches_the_pages_and_actions_its_policies_allow_and_is_refused_the_rest(string role)
    {
        var assetId = await CreateAssetAsync();
        using var client = await ClientForAsync(role);
        var mismatches = new List<string>();

        foreach (var (template, policy) in Pages)
        {
            var url = RouteParameter().Replace(template, assetId.ToString());
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var got = response.StatusCode == HttpStatusCode.OK ? "page"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied") ? "denied page"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login") ? "login page"
                : $"{(int)response.StatusCode} {response.Headers.Location}";
            var expected = Allowed[policy].Contains(role) ? "page" : role == Anonymous ? "login page" : "denied page";
            if (got != expected) mismatches.Add($"GET {url}: expected the {expected}, got the {got}");
        }

        foreach (var (method, url, body, policy) in Actions)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body.Length > 0) request.Content = new StringContent(body, System.Text.Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/csv");
            var status = (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
            var expected = Allowed[policy].Contains(role) ? "allowed" : role == Anonymous ? "401" : "403";
            var got = status switch { HttpStatusCode.Unauthorized => "401", HttpStatusCode.Forbidden => "403", _ => "allowed" };
            if (got != expected) mismatches.Add($"{method} {url}: expected {expected}, got {(int)status}");
        }

        mismatches.ShouldBeEmpty($"as {role}");
    }

    private async Task<HttpClient> ClientForAsync(string role)
    {
        if (role == Anonymous) return Portal.CreateClient(new() { AllowAutoRedirect = false });
        if (role == PortalRoles.Admin) return (await SignInAsAdminAsync()).Client;
        var email = $"{role.ToLowerInvariant()}@test.local";
        await Users.CreateAsync(Portal, email, $"{role}-Password-1", role);
        return (await PortalSession.SignInAsync(Portal, email, $"{role}-Password-1")).Client;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
