using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Settings;

/// <summary>The settings page's service mode path: the store's change and its audit entry, also for an asset with no open alarm.</summary>
public class ServiceModeAuditTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Taking_an_asset_out_of_service_and_back_is_audited_with_who_and_why()
    {
        var assetId = await CreateAssetAsync("Cell 7");
        var commands = Portal.Services.GetRequiredService<AssetModeCommands>();

        await commands.RunAsync(assetId, AssetModeOperation.RemoveFromService, "Gripper swap", "anna@plant.example", TestContext.Current.CancellationToken);
        await commands.RunAsync(assetId, AssetModeOperation.ReturnToService, null, "ben@plant.example", TestContext.Current.CancellationToken);

        var audit = await Portal.WithDbAsync(db => db.AuditEntries.Where(e => e.AssetId == assetId).OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => (e.Action, e.User, e.Target, e.Detail)).ShouldBe([
            (AuditAction.AssetModeChanged, "anna@plant.example", $"asset {assetId} (Cell 7)", "InService → OutOfService: Gripper swap"),
            (AuditAction.AssetModeChanged, "ben@plant.example", $"asset {assetId} (Cell 7)", "OutOfService → InService"),
        ]);
    }

    [Fact]
    public async Task Leaving_service_without_a_reason_is_refused_before_anything_is_written()
    {
        var assetId = await CreateAssetAsync();
        var commands = Portal.Services.GetRequiredService<AssetModeCommands>();

        var refused = await Should.ThrowAsync<ArgumentException>(() =>
            commands.RunAsync(assetId, AssetModeOperation.Suppress, "  ", "anna@plant.example", TestContext.Current.CancellationToken));

        refused.Message.ShouldStartWith("A reason is required to suppress an asset's alarms");
        (await Portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == assetId))).AlarmMode.ShouldBe(KukaPortal.Core.Alarms.AssetAlarmMode.InService);
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }
}
