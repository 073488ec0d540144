using System.Text;
using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>The whole slice as an engineer and operator would click through it in Chromium.</summary>
public class ThinSliceJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Upload_train_score_watch_the_chart_grow_acknowledge_the_alarm_and_see_its_reconstruction()
    {
        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

            await page.GetByLabel("Name").FillAsync("Robot cell 7");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Robot cell 7" }).WaitForAsync();

            await Upload(page, "upload-normal", "normal.csv", RobotCsv.Normal(rows: 3000));
            await page.GetByRole(AriaRole.Button, new() { Name = "Train model normal.csv" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("active-model")).ToContainTextAsync("Active model v1", new() { Timeout = 180_000 });

            // Record every value the chart's point counter takes, to see it grow batch by batch.
            await page.EvaluateAsync("""
                () => {
                  const chart = document.querySelector('[data-testid=score-chart]');
                  window.pointCounts = [];
                  new MutationObserver(() => window.pointCounts.push(Number(chart.dataset.points)))
                    .observe(chart, { attributes: true, attributeFilter: ['data-points'] });
                }
                """);
            await Upload(page, "upload-scoring", "shift.csv", RobotCsv.WithAnomaly(rows: 1600, anomalyStart: 800, anomalyLength: 80));
            await page.GetByRole(AriaRole.Button, new() { Name = "Score shift.csv" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("score-chart")).ToHaveAttributeAsync("data-points", "100", new() { Timeout = 120_000 });
            var counts = await page.EvaluateAsync<int[]>("() => window.pointCounts");
            counts.Length.ShouldBeGreaterThan(1, "the chart should grow in several pushes, not appear at once");
            counts.ShouldBe(counts.Order().ToArray());
            counts[^1].ShouldBe(100);
            await Assertions.Expect(page.Locator("[data-testid=score-chart] svg path").First).ToBeAttachedAsync();

            var alarm = page.GetByTestId("alarm").First;
            await alarm.WaitForAsync(new() { Timeout = 30_000 });
            await alarm.GetByLabel("Comment").FillAsync("Gripper hit the fixture");
            await alarm.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("acknowledged-by").First).ToContainTextAsync(PortalFactory.AdminEmail);

            // Which channel is off: the heat map has a row per channel of the model.
            await Assertions.Expect(page.GetByTestId("contribution-heatmap").Locator("svg.apexcharts-svg")).ToBeVisibleAsync();

            // Why it alarmed: the alarm's page reconstructs its worst window, input against reconstruction per channel.
            await alarm.GetByRole(AriaRole.Link, new() { Name = "details" }).ClickAsync();
            await page.GetByTestId("alarm-history").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("reconstruction-summary")).ToContainTextAsync("(above)", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("reconstruction-chart")).ToHaveCountAsync(4);
            await Assertions.Expect(page.GetByTestId("reconstruction-chart").First.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        });

        var acknowledged = await portal.WithDbAsync(db => db.AlarmEvents.SingleAsync(e => e.Kind == AlarmEventKind.Acknowledged));
        acknowledged.User.ShouldBe(PortalFactory.AdminEmail);
        acknowledged.Comment.ShouldBe("Gripper hit the fixture");
        journey.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task Upload(IPage page, string panel, string fileName, string csv)
    {
        await page.GetByTestId(panel).Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Assertions.Expect(page.GetByTestId(panel).GetByTestId("upload-result")).ToContainTextAsync($"{fileName}: ");
    }
}
