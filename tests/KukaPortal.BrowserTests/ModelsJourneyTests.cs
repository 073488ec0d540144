using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>An engineer compares a second, candidate model with the active one and promotes it through the confirm dialog.</summary>
public class ModelsJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_engineer_compares_the_candidate_and_promotes_it_with_confirmation()
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Robot 1", CreatedAt = DateTimeOffset.UtcNow };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        await TrainTwoModelsAsync(assetId);

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/assets/{assetId}/models");
            await journey.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("model-status-1")).ToHaveTextAsync("active");
            await Assertions.Expect(page.GetByTestId("model-status-2")).ToHaveTextAsync("candidate");

            await page.GetByTestId("compare-2").ClickAsync();
            await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("v2 (candidate) beside v1 (active)");
            await Assertions.Expect(page.GetByTestId("comparison-table")).ToContainTextAsync("Threshold");

            await page.GetByTestId("promote-2").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("v2 replaces v1 as the active model of Robot 1; live scoring switches at the next window.");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Promote" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("model-status-2")).ToHaveTextAsync("active");
            await Assertions.Expect(page.GetByTestId("model-status-1")).ToHaveTextAsync("retired");
            await Assertions.Expect(page.GetByTestId("rollback")).ToContainTextAsync("Roll back to v1");
        });

        var audit = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync());
        (audit.Action, audit.User, audit.AssetId, audit.Detail).ShouldBe(
            (AuditAction.ModelPromoted, PortalFactory.AdminEmail, (int?)assetId, "v2 replaces v1 as the active model"));
        (await portal.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).Select(a => a.ActiveModel!.Version).SingleAsync())).ShouldBe(2);
        journey.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Through the real API and training path: the first model becomes active, the second a candidate.</summary>
    private async Task TrainTwoModelsAsync(int assetId)
    {
        using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var recordingId = await PortalApi.UploadAsync(session, assetId, RobotCsv.Normal(rows: 3000), "normal", "normal.csv");
        for (var i = 0; i < 2; i++)
        {
            var job = await PortalApi.RunJobAsync(session, assetId, "train", recordingId, TimeSpan.FromMinutes(3));
            job.State.ShouldBe("Succeeded", job.Error);
        }
    }
}
