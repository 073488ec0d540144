using System.Net;
using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Alarms;

public class AssetServiceTests(PortalFactory portal) : AlarmTest(portal)
{
    [Fact]
    public async Task An_operator_gets_403_on_out_of_service()
    {
        var (assetId, _) = await CreateAssetWithModelAsync();
        using var session = await SignInAsOperatorAsync();

        (await PostAsync(session, $"/api/assets/{assetId}/out-of-service", new { reason = "Gripper swap" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(session, $"/api/assets/{assetId}/return-to-service", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == assetId))).AlarmMode.ShouldBe(AssetAlarmMode.InService);
    }

    [Fact]
    public async Task Out_of_service_hides_open_and_new_alarms_until_returned_to_service()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        var openId = await RaiseAsync(assetId, modelId);
        using var engineer = await SignInAsAdminAsync();

        var removed = await engineer.ReadAsync<AssetModeView>(await PostAsync(engineer, $"/api/assets/{assetId}/out-of-service", new { reason = "Gripper swap" }));
        var raisedMeanwhile = (await StoreAsync(assetId, modelId, Guid.NewGuid(), 0, ConditionChange.Raised)).ChangedAlarms.Single();
        var returned = await engineer.ReadAsync<AssetModeView>(await PostAsync(engineer, $"/api/assets/{assetId}/return-to-service", new { comment = "Gripper fitted" }));

        removed.Mode.ShouldBe("OutOfService");
        removed.Reason.ShouldBe("Gripper swap");
        removed.Alarms.ShouldHaveSingleItem().State.ShouldBe("OutOfService");
        // Recorded, but never annunciated.
        raisedMeanwhile.Status.ShouldBe(new AlarmStatus(AlarmState.OutOfService, ConditionActive: true));
        returned.Mode.ShouldBe("InService");
        returned.Alarms.Select(a => (a.Id, a.State)).OrderBy(a => a.Id).ShouldBe([
            (openId, "ActiveUnacknowledged"), (raisedMeanwhile.Id, "ActiveUnacknowledged"),
        ]);
        (await EventsAsync(openId)).Select(e => (e.Kind, e.To, e.User, e.Comment)).ShouldBe([
            (AlarmEventKind.Raised, AlarmState.ActiveUnacknowledged, null, "K of N windows above threshold at window 2"),
            (AlarmEventKind.RemovedFromService, AlarmState.OutOfService, PortalFactory.AdminEmail, "Gripper swap"),
            (AlarmEventKind.ReturnedToService, AlarmState.ActiveUnacknowledged, PortalFactory.AdminEmail, "Gripper fitted"),
        ]);
        (await EventsAsync(raisedMeanwhile.Id)).First().To.ShouldBe(AlarmState.OutOfService);
    }

    [Fact]
    public async Task Out_of_service_needs_a_reason_and_return_needs_an_asset_out_of_service()
    {
        var (assetId, _) = await CreateAssetWithModelAsync();
        using var engineer = await SignInAsAdminAsync();

        var noReason = await PostAsync(engineer, $"/api/assets/{assetId}/out-of-service", new { reason = "" });
        var notOut = await PostAsync(engineer, $"/api/assets/{assetId}/return-to-service", new { });

        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail
            .ShouldBe("A reason is required to take an asset out of service (for example \"gripper replacement\").");
        notOut.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await notOut.Content.ReadFromJsonAsync<Problem>(Ct))!.Detail.ShouldBe("The asset is not out of service, so it cannot be returned to service.");
    }

    [Fact]
    public async Task Suppression_records_new_alarms_as_suppressed_and_unsuppress_reannunciates_them()
    {
        var (assetId, modelId) = await CreateAssetWithModelAsync();
        using var engineer = await SignInAsAdminAsync();

        await engineer.ReadAsync<AssetModeView>(await PostAsync(engineer, $"/api/assets/{assetId}/suppress-alarms", new { reason = "Teach mode" }));
        var raised = (await StoreAsync(assetId, modelId, Guid.NewGuid(), 0, ConditionChange.Raised)).ChangedAlarms.Single();
        var unsuppressed = await engineer.ReadAsync<AssetModeView>(await PostAsync(engineer, $"/api/assets/{assetId}/unsuppress-alarms", new { }));

        raised.State.ShouldBe(AlarmState.SuppressedByDesign);
        unsuppressed.Alarms.ShouldHaveSingleItem().State.ShouldBe("ActiveUnacknowledged");
    }
}
