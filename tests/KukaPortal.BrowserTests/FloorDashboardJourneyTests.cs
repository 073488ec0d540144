using System.Net.Http.Json;
using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>The wall screen: a tile flashes for an unacknowledged alarm and turns "acknowledged" from the push, without a reload.</summary>
public class FloorDashboardJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_tile_shows_an_unacknowledged_alarm_then_turns_acknowledged_live()
    {
        var (assetId, alarmId) = await CreateAssetWithScoresAndAlarmAsync();

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync("/floor?kiosk=true");
            await journey.WaitForInteractiveAsync();

            // Kiosk: no app bar (its sign-out button is gone); the tiles fill the screen.
            (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(0);
            var tile = page.Locator($"[data-testid=floor-tile][data-asset-id='{assetId}']");
            await Assertions.Expect(tile).ToHaveAttributeAsync("data-state", "UnacknowledgedAlarm");
            await Assertions.Expect(tile.GetByTestId("tile-state")).ToHaveTextAsync("Unacknowledged alarm");
            await Assertions.Expect(tile).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Press line 4: Unacknowledged alarm\\. .*Model version 1"));
            await Assertions.Expect(tile).ToHaveAttributeAsync("href", $"assets/{assetId}");
            // The sparkline came from the hub (GetLatestWindows), and the hub joined the asset's group.
            await Assertions.Expect(tile.Locator("[data-spark]")).ToHaveAttributeAsync("data-points", "5");
            await Assertions.Expect(page.GetByTestId("floor")).ToHaveAttributeAsync("data-connection", "connected");
            await Assertions.Expect(page.GetByTestId("connection-banner")).ToBeHiddenAsync();

            // Flashing draws the eye, but not for people who asked their system for less motion: a solid strong colour instead.
            (await tile.EvaluateAsync<string>("t => getComputedStyle(t).animationName")).ShouldBe("floor-flash");
            await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            (await tile.EvaluateAsync<string>("t => getComputedStyle(t).animationName")).ShouldBe("none");

            using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            (await session.Client.PostAsJsonAsync($"/api/alarms/{alarmId}/acknowledge", new { comment = "On it" })).EnsureSuccessStatusCode();

            await Assertions.Expect(tile).ToHaveAttributeAsync("data-state", "AcknowledgedAlarm");
            await Assertions.Expect(tile.GetByTestId("tile-state")).ToHaveTextAsync("Acknowledged alarm");
        });

        journey.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<(int AssetId, long AlarmId)> CreateAssetWithScoresAndAlarmAsync()
    {
        var now = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);
        var (assetId, modelId) = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Press line 4", CreatedAt = now };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            var model = new DetectorModel { AssetId = asset.Id, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 10, CreatedAt = now };
            db.Models.Add(model);
            await db.SaveChangesAsync();
            asset.ActiveModelId = model.Id;
            await db.SaveChangesAsync();
            return (asset.Id, model.Id);
        });
        var windows = Enumerable.Range(0, 5)
            .Select(i => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, 0.2 * (i + 1), 0.4 * (i + 1), i >= 3, now.AddSeconds(i - 5)))
            .ToList();
        await portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, []), CancellationToken.None);
        var alarmId = await portal.WithDbAsync(async db =>
        {
            var alarm = new Alarm
            {
                AssetId = assetId, State = AlarmState.ActiveUnacknowledged, ConditionActive = true, RaisedAt = now,
                FirstWindowIndex = 3, LastWindowIndex = 4, PeakCalibrated = 2, Priority = AlarmPriority.Medium,
            };
            db.Alarms.Add(alarm);
            await db.SaveChangesAsync();
            return alarm.Id;
        });
        return (assetId, alarmId);
    }
}
