using System.Net.Http.Json;
using KukaPortal.Data;
using KukaPortal.Data.Audit;
using KukaPortal.Web.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Streaming;

/// <summary>A key found valid is believed for a few seconds (machines post many chunks a second), never longer, and never after this node revoked it.</summary>
public class ApiKeyCheckTests(PortalFactory portal) : StreamingTest(portal)
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
    }

    private Task<HttpResponseMessage> SendAsync(int assetId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/samples") { Content = JsonContent.Create(new { timestamps = new[] { 1.0 }, channels = new[] { "axis1_current" }, values = new[] { new[] { 1.0 } } }) };
        request.Headers.Add(AssetApiKeyFilter.Header, key);
        return Portal.CreateClient().SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_key_revoked_by_another_node_works_here_until_its_check_expires()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var key = await CreateKeyAsync(session, assetId);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var keys = new ApiKeyStore(Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Portal.Services.GetRequiredService<AuditLog>(), clock);
        (await keys.CheckAsync(assetId, key, Ct)).ShouldBe(KeyVerdict.Valid);

        // Another node revokes it: the row changes, this node's store hears nothing.
        await Portal.WithDbAsync(db => db.AssetApiKeys.Where(k => k.AssetId == assetId).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow)));
        clock.Advance(ApiKeyStore.ValidFor - TimeSpan.FromSeconds(1));
        (await keys.CheckAsync(assetId, key, Ct)).ShouldBe(KeyVerdict.Valid);
        (await keys.CheckAsync(assetId + 1, key, Ct)).ShouldBe(KeyVerdict.OtherAsset, "what was believed holds for its own asset only");

        clock.Advance(TimeSpan.FromSeconds(1));
        (await keys.CheckAsync(assetId, key, Ct)).ShouldBe(KeyVerdict.Revoked);
    }

    [Fact]
    public async Task A_key_used_a_moment_ago_is_refused_as_soon_as_it_is_revoked_on_this_node()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var key = await CreateKeyAsync(session, assetId);
        // The asset has no model: a valid key gets past the check and the chunk is refused with 409, not 401 or 403.
        ((int)(await SendAsync(assetId, key)).StatusCode).ShouldBe(409);

        var keyId = await Portal.WithDbAsync(db => db.AssetApiKeys.Where(k => k.AssetId == assetId).Select(k => k.Id).SingleAsync());
        ((int)(await session.Client.DeleteAsync($"/api/assets/{assetId}/api-keys/{keyId}", Ct)).StatusCode).ShouldBe(204);

        var refused = await SendAsync(assetId, key);
        ((int)refused.StatusCode).ShouldBe(403);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("revoked");
    }
}
