using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>
/// An operator watches an asset's live score: the range selector reads more of the past, alarm periods from the
/// alarms table are shaded, and pausing (the switch, or zooming) shows the indicator until Resume. Windows and alarms are seeded straight
/// into the database (windows through the score writer, as in production).
/// </summary>
public class LiveScoreJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_range_selector_reads_older_windows_and_alarm_periods_are_shaded()
    {
        var now = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);
        var assetId = await CreateAssetAsync("Press line 3");
        var modelId = await CreateModelAsync(assetId);
        // 60 windows from 12 to 11 minutes ago (inside 15 minutes only), then 120 from 130 to 11 s ago.
        await StoreAsync(assetId, modelId, Enumerable.Range(0, 60).Select(i => now.AddMinutes(-12).AddSeconds(i)));
        await StoreAsync(assetId, modelId, Enumerable.Range(0, 120).Select(i => now.AddSeconds(-130 + i)));
        await InsertAlarmAsync(assetId, raisedAt: now.AddMinutes(-11.8), returnedAt: now.AddMinutes(-11.4), AlarmState.Normal);
        await InsertAlarmAsync(assetId, raisedAt: now.AddSeconds(-60), returnedAt: null, AlarmState.ActiveUnacknowledged);

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/assets/{assetId}");
            var chart = page.GetByTestId("score-chart");

            await Assertions.Expect(chart).ToHaveAttributeAsync("data-range", "5", new() { Timeout = 30_000 });
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "120");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-alarm-periods", "1");
            await Assertions.Expect(chart.Locator(".apexcharts-xaxis-annotations rect").First).ToBeAttachedAsync();

            await page.GetByTestId("score-chart-range").GetByText("Last 15 min").ClickAsync();
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-range", "15");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "180");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-alarm-periods", "2");

            await page.GetByTestId("score-chart-pause").ClickAsync();
            await Assertions.Expect(page.GetByTestId("score-chart-paused")).ToHaveTextAsync("Paused — 0 new windows");
            await page.GetByTestId("score-chart-resume").ClickAsync();
            await Assertions.Expect(page.GetByTestId("score-chart-paused")).ToHaveCountAsync(0);
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-paused", "false");

            // Zooming into the past (a drag across the plot, as a user selects a span) pauses the live follow.
            var plot = (await chart.Locator(".apexcharts-grid").BoundingBoxAsync()).ShouldNotBeNull();
            await page.Mouse.MoveAsync(plot.X + plot.Width * 0.3f, plot.Y + plot.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(plot.X + plot.Width * 0.5f, plot.Y + plot.Height / 2, new() { Steps = 5 });
            await page.Mouse.UpAsync();
            await Assertions.Expect(page.GetByTestId("score-chart-paused")).ToHaveTextAsync("Paused — 0 new windows");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-paused", "true");
            await page.GetByTestId("score-chart-resume").ClickAsync();
            await Assertions.Expect(page.GetByTestId("score-chart-paused")).ToHaveCountAsync(0);
        });

        journey.ConsoleErrors.ShouldBeEmpty();
    }

    private Task<int> CreateAssetAsync(string name) => portal.WithDbAsync(async db =>
    {
        var asset = new Asset { Name = name, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    });

    private Task<int> CreateModelAsync(int assetId) => portal.WithDbAsync(async db =>
    {
        var model = new DetectorModel
        {
            AssetId = assetId, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 10, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    });

    private async Task StoreAsync(int assetId, int modelId, IEnumerable<DateTimeOffset> times)
    {
        var windows = times.Select((at, i) => new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, 0.4 + i % 5 * 0.1, 0.4 + i % 5 * 0.1, false, at)).ToList();
        await portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, []), CancellationToken.None);
    }

    private Task<long> InsertAlarmAsync(int assetId, DateTimeOffset raisedAt, DateTimeOffset? returnedAt, AlarmState state) => portal.WithDbAsync(async db =>
    {
        var alarm = new Alarm
        {
            AssetId = assetId, RunId = Guid.NewGuid(), State = state, ConditionActive = returnedAt is null, RaisedAt = raisedAt, ReturnedAt = returnedAt,
            PeakCalibrated = 2.0, Priority = AlarmPriority.Medium,
            AcknowledgedAt = state == AlarmState.Normal ? returnedAt : null, AcknowledgedBy = state == AlarmState.Normal ? "operator@test.local" : null,
        };
        alarm.Events.Add(new AlarmEvent { Kind = AlarmEventKind.Raised, FromState = AlarmState.Normal, ToState = AlarmState.ActiveUnacknowledged, At = raisedAt });
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        return alarm.Id;
    });
}
