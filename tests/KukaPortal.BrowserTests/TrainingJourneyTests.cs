using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>An engineer trains a small conv autoencoder from the training page and watches its loss curve and results arrive.</summary>
public class TrainingJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Start_a_conv_autoencoder_watch_the_loss_curve_grow_and_read_the_results()
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Robot cell 9", CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        using (var api = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword))
        {
            var upload = await api.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal&fileName=normal.csv",
                new StringContent(RobotCsv.Normal(rows: 1500)), TestContext.Current.CancellationToken);
            upload.EnsureSuccessStatusCode();
        }

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/assets/{assetId}/training");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Training · Robot cell 9" }).WaitForAsync();
            await journey.WaitForInteractiveAsync();

            await Assertions.Expect(page.GetByLabel("normal.csv (1500 rows)")).ToBeCheckedAsync();
            await page.GetByText("Conv autoencoder (paper 000)").ClickAsync();
            await page.GetByLabel("Iterations").FillAsync("60");
            await page.GetByLabel("Iterations").BlurAsync();
            await page.GetByTestId("start-training").ClickAsync();

            // 60 iterations report every 10: the curve reaches six points as the pushes arrive.
            await Assertions.Expect(page.GetByTestId("loss-chart")).ToHaveAttributeAsync("data-points", "6", new() { Timeout = 120_000 });
            await Assertions.Expect(page.GetByTestId("job-state")).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 60_000 });
            // ApexCharts draws after the data arrives: wait for the line rather than count it at once.
            await Assertions.Expect(page.Locator("[data-testid=reconstruction-loss] svg path").First).ToBeAttachedAsync();
            await Assertions.Expect(page.GetByTestId("training-summary")).ToContainTextAsync("60 of 60 iterations");
            await Assertions.Expect(page.GetByTestId("no-validation")).ToContainTextAsync("upload a recording with labels to measure");
        });

        var job = await portal.WithDbAsync(db => db.Jobs.SingleAsync());
        KukaPortal.Data.Training.TrainingJson.Read<KukaPortal.Data.Training.TrainingParameters>(job.Parameters).ShouldNotBeNull().Iterations.ShouldBe(60);
        (await portal.WithDbAsync(db => db.JobLosses.CountAsync(l => l.JobId == job.Id))).ShouldBe(6);
        journey.ConsoleErrors.ShouldBeEmpty();
    }
}
