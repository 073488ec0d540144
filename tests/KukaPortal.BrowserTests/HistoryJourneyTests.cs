using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>A manager reviews a week of one asset's history and downloads its alarms; the data is seeded straight into the database.</summary>
public class HistoryJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    private const string ManagerEmail = "manager@test.local";
    private const string ManagerPassword = "Manager-Password-1";

    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_manager_filters_to_one_asset_and_a_week_sees_the_kpis_and_alarms_and_exports_them()
    {
        var now = DateTimeOffset.UtcNow;
        var press = await CreateAssetAsync("Press line 1");
        var welder = await CreateAssetAsync("Welder 2");
        var inWeek = await InsertAlarmsAsync(Alarm(press, now.AddDays(-2), AlarmClassification.FalseAlarm), Alarm(press, now.AddDays(-3).AddMinutes(7), null));
        var outside = await InsertAlarmsAsync(Alarm(press, now.AddDays(-20), null), Alarm(welder, now.AddDays(-1), null));
        await StoreScoresAsync(press, now.AddDays(-2).AddMinutes(-30));
        await Users.CreateAsync(portal, ManagerEmail, ManagerPassword, PortalRoles.Manager);

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(ManagerEmail, ManagerPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "History", Exact = true }).WaitForAsync();
            await Assertions.Expect(page.GetByTestId("kpi-total")).ToContainTextAsync("3"); // all assets, the default 7 days

            await page.GetByTestId("history-asset").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Press line 1" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "History · Press line 1" }).WaitForAsync();
            await page.GetByTestId("history-range").GetByText("30 days").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asset={press}&range=30d"));
            await page.GetByTestId("history-range").GetByText("7 days").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asset={press}&range=7d"));

            await Assertions.Expect(page.GetByTestId("kpi-total")).ToContainTextAsync("2");
            await Assertions.Expect(page.GetByTestId("kpi-false")).ToContainTextAsync("100");
            await Assertions.Expect(page.GetByTestId("rate-chart")).ToHaveAttributeAsync("data-rendered", "true");
            await Assertions.Expect(page.GetByTestId("offenders-chart")).ToHaveAttributeAsync("data-rendered", "true");
            await Assertions.Expect(page.GetByTestId("score-chart")).ToHaveAttributeAsync("data-rendered", "true");
            var rows = page.GetByTestId("alarms-table").Locator("tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.First).ToContainTextAsync("Press line 1");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-alarms").ClickAsync());
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            lines[0].ShouldStartWith("id,asset_id,asset,raised_at");
            lines[1..].Select(l => long.Parse(l.Split(',')[0])).ShouldBe([inWeek[0], inWeek[1]]); // newest first
            lines.ShouldNotContain(l => outside.Any(id => l.StartsWith($"{id},")));
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

    /// <summary>Five hundred windows a minute apart through the score writer, so the rollups exist as in production; one spike.</summary>
    private async Task StoreScoresAsync(int assetId, DateTimeOffset start)
    {
        var modelId = await portal.WithDbAsync(async db =>
        {
            var model = new DetectorModel
            {
                AssetId = assetId, Version = 1, Family = "conv-ae", ArtifactKey = "models/none.kpm", Threshold = 1, Window = 10, CreatedAt = start,
            };
            db.Models.Add(model);
            await db.SaveChangesAsync();
            return model.Id;
        });
        var origin = RunClock.TruncateToMicroseconds(start);
        var windows = Enumerable.Range(0, 500).Select(i =>
        {
            var calibrated = i == 250 ? 3.2 : 0.3 + (i % 10) / 20.0;
            return new ScoredWindow(i, i * 10, i * 10 + 10, i, i + 1, calibrated, calibrated, calibrated >= 1, origin.AddMinutes(i));
        }).ToList();
        await portal.Services.GetRequiredService<ScoreBatchWriter>().StoreAsync(new ScoreBatch(assetId, Guid.NewGuid(), modelId, windows, []), CancellationToken.None);
    }

    private static Alarm Alarm(int assetId, DateTimeOffset raisedAt, AlarmClassification? classification)
    {
        var alarm = new Alarm
        {
            AssetId = assetId, State = AlarmState.Normal, RaisedAt = raisedAt, ReturnedAt = raisedAt.AddMinutes(3), PeakCalibrated = 1.8,
            Priority = AlarmPriority.Medium, AcknowledgedAt = raisedAt.AddSeconds(95), AcknowledgedBy = "operator@test.local",
            Classification = classification,
        };
        alarm.Events.Add(new AlarmEvent { Kind = AlarmEventKind.Raised, FromState = AlarmState.Normal, ToState = AlarmState.ActiveUnacknowledged, At = raisedAt });
        return alarm;
    }

    private Task<List<long>> InsertAlarmsAsync(params Alarm[] alarms) => portal.WithDbAsync(async db =>
    {
        db.Alarms.AddRange(alarms);
        await db.SaveChangesAsync();
        return alarms.Select(a => a.Id).ToList();
    });
}
