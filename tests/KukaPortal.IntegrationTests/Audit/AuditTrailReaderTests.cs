using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Settings;
using KukaPortal.IntegrationTests.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Audit;

/// <summary>The audit trail merges people's alarm handling with the audited changes, filters and pages them in the database.</summary>
public class AuditTrailReaderTests(PortalFactory portal) : AlarmTest(portal)
{
    private AuditTrailReader Reader => Portal.Services.GetRequiredService<AuditTrailReader>();

    [Fact]
    public async Task An_acknowledge_and_a_rule_change_appear_newest_first_with_who_what_and_where_but_not_the_systems_raise()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync("Audited robot");
        var alarmId = await RaiseAsync(assetId, modelId);
        await Portal.Services.GetRequiredService<AlarmStore>().AcknowledgeAsync(alarmId, OperatorEmail, "seen it", Ct);
        await Portal.Services.GetRequiredService<AlarmRuleCommand>().ChangeAsync(assetId, 3, 5, "engineer@test.local", Ct);

        var page = await Reader.ReadAsync(new AuditTrailQuery { AssetId = assetId }, Ct);

        page.Total.ShouldBe(2); // the raise was the system's, not a person's
        var (rule, acknowledge) = (page.Rows[0], page.Rows[1]);
        rule.Action.ShouldBe("AlarmRuleChanged");
        rule.Category.ShouldBe(AuditCategory.Settings);
        rule.User.ShouldBe("engineer@test.local");
        rule.Detail!.ShouldContain("→ 3 of 5");
        acknowledge.Action.ShouldBe("Alarm" + AlarmEventKind.Acknowledged);
        acknowledge.Category.ShouldBe(AuditCategory.Alarms);
        acknowledge.User.ShouldBe(OperatorEmail);
        acknowledge.Target.ShouldBe($"alarm {alarmId}");
        acknowledge.Detail.ShouldBe("seen it");
        acknowledge.AssetName.ShouldBe("Audited robot");
        rule.At.ShouldBeGreaterThanOrEqualTo(acknowledge.At);
    }

    [Fact]
    public async Task Filters_by_category_user_asset_and_time_and_pages_without_losing_an_entry()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync("Busy robot");
        var (otherAssetId, _) = await CreateAssetWithModelAsync("Quiet robot");
        var store = Portal.Services.GetRequiredService<AlarmStore>();
        for (var i = 0; i < 3; i++)
            await store.AcknowledgeAsync(await RaiseAsync(assetId, modelId), OperatorEmail, null, Ct);
        var rules = Portal.Services.GetRequiredService<AlarmRuleCommand>();
        await rules.ChangeAsync(assetId, 1, 2, "anna_engineer@test.local", Ct);
        await rules.ChangeAsync(otherAssetId, 1, 2, "bert@test.local", Ct);

        (await Reader.ReadAsync(new AuditTrailQuery { Category = AuditCategory.Alarms }, Ct)).Total.ShouldBe(3);
        (await Reader.ReadAsync(new AuditTrailQuery { Category = AuditCategory.Settings }, Ct)).Total.ShouldBe(2);
        (await Reader.ReadAsync(new AuditTrailQuery { Category = AuditCategory.Users }, Ct)).Total.ShouldBe(0);
        (await Reader.ReadAsync(new AuditTrailQuery { User = "ANNA_" }, Ct)).Rows.ShouldHaveSingleItem().User.ShouldBe("anna_engineer@test.local");
        (await Reader.ReadAsync(new AuditTrailQuery { User = "%" }, Ct)).Total.ShouldBe(0); // a literal, not a wildcard
        (await Reader.ReadAsync(new AuditTrailQuery { AssetId = otherAssetId }, Ct)).Rows.ShouldHaveSingleItem().User.ShouldBe("bert@test.local");
        (await Reader.ReadAsync(new AuditTrailQuery { From = DateTimeOffset.UtcNow.AddMinutes(5) }, Ct)).Total.ShouldBe(0);

        var pages = new List<AuditTrailRow>();
        for (var p = 0; p < 3; p++)
            pages.AddRange((await Reader.ReadAsync(new AuditTrailQuery { Page = p, PageSize = 2 }, Ct)).Rows);
        pages.Count.ShouldBe(5);
        pages.Select(r => (r.At, r.Action, r.Target)).Distinct().Count().ShouldBe(5);
        pages.Select(r => r.At).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_bad_page_request_is_refused_with_its_reason() =>
        (await Should.ThrowAsync<ArgumentException>(() => Reader.ReadAsync(new AuditTrailQuery { PageSize = 0 }, Ct))).Message.ShouldContain("1 to 200");
}
