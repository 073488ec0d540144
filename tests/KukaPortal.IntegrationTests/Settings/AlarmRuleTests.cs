using System.Net;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Settings;

/// <summary>PUT /api/assets/{id}/alarm-rule: validated with a sentence per mistake, stored and audited in one go.</summary>
public class AlarmRuleTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 3, "K (windows above the threshold that raise an alarm) must be at least 1; it was 0.")]
    [InlineData(4, 3, "K (4) cannot be larger than N (3)")]
    [InlineData(2, 51, "N (the number of recent windows looked at) must be between 1 and 50; it was 51.")]
    [InlineData(1, 0, "N (the number of recent windows looked at) must be between 1 and 50; it was 0.")]
    public async Task An_invalid_rule_is_refused_with_its_reason_and_changes_nothing(int k, int n, string reason)
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var response = await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/alarm-rule", new { k, n }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(reason);
        await ShouldStillBeTwoOfThreeAsync(assetId);
    }

    [Fact]
    public async Task A_rule_without_K_or_N_or_for_an_unknown_asset_is_refused()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var missing = await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/alarm-rule", new { k = 2 }, Ct);
        var unknown = await session.Client.PutAsJsonAsync("/api/assets/999999/alarm-rule", new { k = 2, n = 4 }, Ct);

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(Ct)).ShouldContain("Send both K and N");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("There is no asset 999999.");
        await ShouldStillBeTwoOfThreeAsync(assetId);
    }

    [Fact]
    public async Task A_valid_rule_is_stored_with_one_audit_entry_and_a_repeat_adds_none()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var first = await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/alarm-rule", new { k = 4, n = 5 }, Ct);
        var repeat = await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/alarm-rule", new { k = 4, n = 5 }, Ct);

        (await session.ReadAsync<RuleView>(first)).ShouldBe(new RuleView(assetId, 4, 5, 2, 3, Changed: true));
        (await session.ReadAsync<RuleView>(repeat)).Changed.ShouldBeFalse();
        var asset = await Portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == assetId));
        (asset.AlarmOnDelayK, asset.AlarmOnDelayN).ShouldBe((4, 5));
        var audit = (await Portal.WithDbAsync(db => db.AuditEntries.Where(e => e.AssetId == assetId).ToListAsync())).ShouldHaveSingleItem();
        audit.Action.ShouldBe(AuditAction.AlarmRuleChanged);
        audit.User.ShouldBe(PortalFactory.AdminEmail);
        audit.Detail.ShouldBe("2 of 3 → 4 of 5 windows above the threshold");
    }

    private async Task ShouldStillBeTwoOfThreeAsync(int assetId)
    {
        var asset = await Portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == assetId));
        (asset.AlarmOnDelayK, asset.AlarmOnDelayN).ShouldBe((2, 3));
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    private sealed record RuleView(int AssetId, int K, int N, int PreviousK, int PreviousN, bool Changed);
}
