using System.Net;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Settings;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Settings;

/// <summary>
/// The threshold override on stored windows: the preview counts the active model's windows of the last 24 h
/// and 7 days above the current and a proposed threshold; setting and clearing it is audited.
/// </summary>
public class ThresholdPreviewTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_preview_counts_the_active_models_windows_above_each_threshold_per_period()
    {
        var (assetId, modelId) = await CreateAssetWithActiveModelAsync(threshold: 1.0);
        var other = await CreateOtherModelAsync(assetId);
        var now = DateTimeOffset.UtcNow;
        await StoreAsync(assetId, modelId, now.AddHours(-1), 0.5, 1.5, 2.5, 3.5);
        await StoreAsync(assetId, modelId, now.AddDays(-3), 0.8, 1.2, 2.2);
        await StoreAsync(assetId, modelId, now.AddDays(-9), 4.0, 5.0);  // older than 7 days
        await StoreAsync(assetId, other, now.AddHours(-2), 9.0, 9.0);   // another model's scale
        var reader = Portal.Services.GetRequiredService<ThresholdPreviewReader>();

        var preview = (await reader.ReadAsync(assetId, proposed: 2.0, Ct))!;

        (preview.ModelId, preview.Current, preview.Proposed).ShouldBe((modelId, 1.0, 2.0));
        preview.Periods.ShouldBe([
            new ThresholdCrossings("last 24 h", Windows: 4, AboveCurrent: 3, AboveProposed: 2),
            new ThresholdCrossings("last 7 days", Windows: 7, AboveCurrent: 5, AboveProposed: 3),
        ]);
    }

    [Fact]
    public async Task An_override_becomes_the_current_threshold_of_the_preview_and_clearing_it_restores_the_trained_one_each_audited()
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, modelId) = await CreateAssetWithActiveModelAsync(threshold: 1.0);
        await StoreAsync(assetId, modelId, DateTimeOffset.UtcNow.AddHours(-1), 0.5, 1.5, 2.5, 3.5);
        var reader = Portal.Services.GetRequiredService<ThresholdPreviewReader>();

        (await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/threshold-override", new { threshold = 3.0 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var overridden = (await reader.ReadAsync(assetId, proposed: 2.0, Ct))!;
        (await session.Client.DeleteAsync($"/api/assets/{assetId}/threshold-override", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cleared = (await reader.ReadAsync(assetId, proposed: 2.0, Ct))!;

        overridden.Current.ShouldBe(3.0);
        overridden.Periods[0].AboveCurrent.ShouldBe(1);
        cleared.Current.ShouldBe(1.0);
        cleared.Periods[0].AboveCurrent.ShouldBe(3);
        (await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.Id == modelId))).ThresholdOverride.ShouldBeNull();
        var audit = await Portal.WithDbAsync(db => db.AuditEntries.Where(e => e.AssetId == assetId).OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => (e.Action, e.Target, e.Detail)).ShouldBe([
            (AuditAction.ThresholdChanged, $"model {modelId} (v1)", "1 → 3 (trained threshold 1)"),
            (AuditAction.ThresholdChanged, $"model {modelId} (v1)", "override 3 cleared; the trained threshold 1 applies"),
        ]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    public async Task A_threshold_that_is_not_positive_is_refused_and_changes_nothing(double threshold)
    {
        using var session = await SignInAsAdminAsync();
        var (assetId, modelId) = await CreateAssetWithActiveModelAsync(threshold: 1.0);

        var response = await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/threshold-override", new { threshold }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("The threshold must be a positive number");
        (await Portal.WithDbAsync(db => db.Models.SingleAsync(m => m.Id == modelId))).ThresholdOverride.ShouldBeNull();
        (await Portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_asset_without_an_active_model_has_no_threshold_to_override()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var response = await session.Client.PutAsJsonAsync($"/api/assets/{assetId}/threshold-override", new { threshold = 2.0 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("has no active model yet");
    }

    private async Task<(int AssetId, int ModelId)> CreateAssetWithActiveModelAsync(double threshold)
    {
        var assetId = await CreateAssetAsync();
        var modelId = await CreateModelRowAsync(assetId);
        await Portal.WithDbAsync(async db =>
        {
            (await db.Models.SingleAsync(m => m.Id == modelId)).Threshold = threshold;
            (await db.Assets.SingleAsync(a => a.Id == assetId)).ActiveModelId = modelId;
            return await db.SaveChangesAsync();
        });
        return (assetId, modelId);
    }

    private Task<int> CreateOtherModelAsync(int assetId) => Portal.WithDbAsync(async db =>
    {
        var model = new DetectorModel { AssetId = assetId, Version = 2, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 5, Window = 16, CreatedAt = DateTimeOffset.UtcNow };
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    });

    /// <summary>One run of windows ending one second apart from <paramref name="at"/>, with the given raw scores.</summary>
    private async Task StoreAsync(int assetId, int modelId, DateTimeOffset at, params double[] scores)
    {
        var windows = scores.Select((score, i) => new ScoredWindow(i, i * 16, (i + 1) * 16, i, i + 1, score, score, score >= 1, at.AddSeconds(i))).ToList();
        await Portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, []), Ct);
    }
}
