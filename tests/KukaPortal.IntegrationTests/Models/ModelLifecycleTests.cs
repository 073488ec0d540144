using System.Collections.Concurrent;
using System.Net;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Models;
using KukaPortal.IntegrationTests.Infrastructure;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Models;

/// <summary>A second training makes a candidate; engineers promote and roll back, audited and pushed; operators may not.</summary>
public class ModelLifecycleTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_training_is_a_candidate_until_promoted_and_a_roll_back_restores_the_first_each_audited_and_pushed()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var normalId = await UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        var first = (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).ModelId!.Value;
        var second = (await RunJobAsync(session, assetId, "train", normalId, TimeSpan.FromMinutes(3))).ModelId!.Value;

        var models = await ReadModelsAsync(session, assetId);
        models.Models.Single(m => m.Id == first).Status.ShouldBe(ModelStatus.Active);
        models.Models.Single(m => m.Id == second).Status.ShouldBe(ModelStatus.Candidate);
        models.RollBackTarget.ShouldBeNull();
        (await ActiveModelIdAsync(assetId)).ShouldBe(first);

        var pushed = new ConcurrentQueue<ModelChanged>();
        await using var hub = session.CreateHubConnection();
        hub.On<ModelChanged>(nameof(IMonitoringClient.ModelChanged), pushed.Enqueue);
        await hub.StartAsync(Ct);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, Ct);

        (await session.Client.PostAsync($"/api/assets/{assetId}/models/{second}/promote", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ActiveModelIdAsync(assetId)).ShouldBe(second);
        await Eventually.WaitUntilAsync(() => pushed.Any(m => m.ModelId == second), TimeSpan.FromSeconds(10));
        var afterPromotion = await ReadModelsAsync(session, assetId);
        afterPromotion.Models.Single(m => m.Id == first).Status.ShouldBe(ModelStatus.Retired);
        afterPromotion.Models.Single(m => m.Id == second).PromotedBy.ShouldBe(PortalFactory.AdminEmail);
        afterPromotion.RollBackTarget!.Id.ShouldBe(first);

        (await session.Client.PostAsync($"/api/assets/{assetId}/models/rollback", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ActiveModelIdAsync(assetId)).ShouldBe(first);
        await Eventually.WaitUntilAsync(() => pushed.Any(m => m.ModelId == first), TimeSpan.FromSeconds(10));

        var audit = await Portal.WithDbAsync(db => db.AuditEntries.Where(e => e.AssetId == assetId).OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => e.Action).ShouldBe([AuditAction.ModelPromoted, AuditAction.ModelRolledBack]);
        audit.ShouldAllBe(e => e.User == PortalFactory.AdminEmail);
        audit[0].Detail.ShouldBe("v2 replaces v1 as the active model");
        audit[1].Detail.ShouldBe("rolled back from v2 to v1");
        // The roll-back retired v2, so a second roll-back undoes the first.
        (await ReadModelsAsync(session, assetId)).RollBackTarget!.Id.ShouldBe(second);
    }

    [Fact]
    public async Task Wrong_asset_already_active_and_nothing_to_roll_back_are_refused_with_a_reason_and_change_nothing()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var otherAssetId = await CreateAssetAsync("Robot 2");
        var v1 = await CreateModelAsync(assetId, 1, active: true);
        var foreign = await CreateModelAsync(otherAssetId, 1, active: false);

        var wrongAsset = await session.Client.PostAsync($"/api/assets/{assetId}/models/{foreign}/promote", null, Ct);
        wrongAsset.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wrongAsset.Content.ReadAsStringAsync(Ct)).ShouldContain($"has no model {foreign}");
        var already = await session.Client.PostAsync($"/api/assets/{assetId}/models/{v1}/promote", null, Ct);
        already.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await already.Content.ReadAsStringAsync(Ct)).ShouldContain("already the active model");
        var nothing = await session.Client.PostAsync($"/api/assets/{assetId}/models/rollback", null, Ct);
        nothing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await nothing.Content.ReadAsStringAsync(Ct)).ShouldContain("no previously active model");
        (await session.Client.PostAsync("/api/assets/999999/models/rollback", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ActiveModelIdAsync(assetId)).ShouldBe(v1);
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_operator_gets_403_on_promote_and_roll_back_and_the_active_model_stays()
    {
        await Users.CreateAsync(Portal, "operator@test.local", "Operator-Password-1", PortalRoles.Operator);
        using var session = await PortalSession.SignInAsync(Portal, "operator@test.local", "Operator-Password-1");
        var assetId = await CreateAssetAsync();
        var v1 = await CreateModelAsync(assetId, 1, active: true);
        var v2 = await CreateModelAsync(assetId, 2, active: false);

        (await session.Client.PostAsync($"/api/assets/{assetId}/models/{v2}/promote", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.Client.PostAsync($"/api/assets/{assetId}/models/rollback", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.Client.PostAsync($"/api/assets/{assetId}/models/{v2}/what-if", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ActiveModelIdAsync(assetId)).ShouldBe(v1);
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    private Task<int?> ActiveModelIdAsync(int assetId) =>
        Portal.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).Select(a => a.ActiveModelId).SingleAsync());

    private static async Task<AssetModels> ReadModelsAsync(PortalSession session, int assetId) =>
        await session.ReadAsync<AssetModels>(await session.Client.GetAsync($"/api/assets/{assetId}/models", Ct));

    /// <summary>A model row without an artifact: enough for the lifecycle, which never loads weights.</summary>
    private Task<int> CreateModelAsync(int assetId, int version, bool active) => Portal.WithDbAsync(async db =>
    {
        var model = new DetectorModel
        {
            AssetId = assetId, Version = version, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 16,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync();
        if (active)
        {
            var asset = await db.Assets.SingleAsync(a => a.Id == assetId);
            asset.ActiveModelId = model.Id;
            await db.SaveChangesAsync();
        }
        return model.Id;
    });
}
