using System.Net;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Settings;

/// <summary>Creating and revoking an API key (settings page or API, both through ApiKeyStore) leaves an audit entry each.</summary>
public class ApiKeyAuditTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_and_revoking_a_key_are_audited_and_revoking_twice_once()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var created = await session.ReadAsync<KeyView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/api-keys", new { name = "Line 3 PLC" }, Ct));
        (await session.Client.DeleteAsync($"/api/assets/{assetId}/api-keys/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await session.Client.DeleteAsync($"/api/assets/{assetId}/api-keys/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var audit = await Portal.WithDbAsync(db => db.AuditEntries.Where(e => e.AssetId == assetId).OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => (e.Action, e.User, e.Target, e.Detail)).ShouldBe([
            (AuditAction.ApiKeyCreated, PortalFactory.AdminEmail, $"API key {created.Id} (Line 3 PLC)", $"prefix {created.Prefix}"),
            (AuditAction.ApiKeyRevoked, PortalFactory.AdminEmail, $"API key {created.Id} (Line 3 PLC)", null),
        ]);
    }

    private sealed record KeyView(int Id, string Name, string Key, string Prefix);
}
