using System.Text;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>
/// An engineer's day with one robot, only through the pages: two normal recordings validated and stored on
/// the Data page, two small models trained on the Training page, the second compared and promoted on Models.
/// </summary>
public class EngineerJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    private const string EngineerEmail = "engineer@journey.local";
    private const string EngineerPassword = "Engineer-Password-1";
    private const int Rows = 1500;
    private const int Iterations = 40;

    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Upload_two_recordings_train_two_models_and_promote_the_second()
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Palletiser 2", CreatedAt = DateTimeOffset.UtcNow };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        await Users.CreateAsync(portal, EngineerEmail, EngineerPassword, PortalRoles.Engineer);

        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(EngineerEmail, EngineerPassword);
            await page.GotoAsync($"/assets/{assetId}/data");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Data · Palletiser 2" }).WaitForAsync();
            await journey.WaitForInteractiveAsync();

            await UploadValidateAndConfirmAsync(page, "normal-1.csv", RobotCsv.Normal(Rows, seed: 1));
            await Assertions.Expect(page.GetByTestId("recording-row")).ToHaveCountAsync(1);
            await UploadValidateAndConfirmAsync(page, "normal-2.csv", RobotCsv.Normal(Rows, seed: 3));
            await Assertions.Expect(page.GetByTestId("recording-row")).ToHaveCountAsync(2);

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Asset sections" }).GetByRole(AriaRole.Link, new() { Name = "Training" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Training · Palletiser 2" }).WaitForAsync();
            // The newest recording is chosen for us; the engineer adds the other one.
            await Assertions.Expect(page.GetByLabel($"normal-2.csv ({Rows} rows)")).ToBeCheckedAsync();
            await page.GetByLabel($"normal-1.csv ({Rows} rows)").CheckAsync();
            await page.GetByLabel("Iterations").FillAsync(Iterations.ToString());
            await page.GetByLabel("Iterations").BlurAsync();

            await TrainAndWatchItFinishAsync(page);
            await Assertions.Expect(page.GetByTestId("training-summary")).ToContainTextAsync($"{Iterations} of {Iterations} iterations");
            await TrainAndWatchItFinishAsync(page);

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Asset sections" }).GetByRole(AriaRole.Link, new() { Name = "Models" }).ClickAsync();
            await journey.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("active-model")).ToHaveTextAsync("Active model v1");
            await Assertions.Expect(page.GetByTestId("model-status-2")).ToHaveTextAsync("candidate");

            await page.GetByTestId("compare-2").ClickAsync();
            await Assertions.Expect(page.GetByTestId("comparison")).ToContainTextAsync("v2 (candidate) beside v1 (active)");
            await page.GetByTestId("promote-2").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Promote" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("active-model")).ToHaveTextAsync("Active model v2");
            await Assertions.Expect(page.GetByTestId("model-status-2")).ToHaveTextAsync("active");
            await Assertions.Expect(page.GetByTestId("model-status-1")).ToHaveTextAsync("retired");
        });

        var recordings = await portal.WithDbAsync(db => db.Recordings.Where(r => r.AssetId == assetId).OrderBy(r => r.FileName)
            .Select(r => new { r.FileName, r.Purpose, r.Rows, r.UploadedBy }).ToListAsync());
        recordings.Select(r => (r.FileName, r.Purpose, r.Rows, r.UploadedBy)).ShouldBe([
            ("normal-1.csv", RecordingPurpose.Normal, Rows, EngineerEmail),
            ("normal-2.csv", RecordingPurpose.Normal, Rows, EngineerEmail),
        ]);
        var jobs = await portal.WithDbAsync(db => db.Jobs.Where(j => j.AssetId == assetId).ToListAsync());
        jobs.Count.ShouldBe(2);
        jobs.ShouldAllBe(j => j.State == JobState.Succeeded);
        foreach (var parameters in jobs.Select(j => TrainingJson.Read<TrainingParameters>(j.Parameters).ShouldNotBeNull()))
        {
            parameters.Iterations.ShouldBe(Iterations);
            parameters.NormalRecordingIds.Count.ShouldBe(2, "both recordings were ticked");
        }
        (await portal.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).Select(a => a.ActiveModel!.Version).SingleAsync())).ShouldBe(2);
        journey.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Drops a file on the Data page's upload panel, reads the validation report, and confirms it.</summary>
    private static async Task UploadValidateAndConfirmAsync(IPage page, string fileName, string csv)
    {
        var panel = page.GetByTestId("upload-normal");
        await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        // Uploading and reading every row takes a few seconds on a busy machine.
        var report = panel.GetByTestId("validation-report");
        await Assertions.Expect(report).ToContainTextAsync($"{fileName}passes", new() { Timeout = 30_000 });
        await Assertions.Expect(report.GetByTestId("report-rows")).ToHaveTextAsync(Rows.ToString("N0"));
        await Assertions.Expect(report.GetByTestId("report-channels")).ToHaveTextAsync(RobotCsv.Channels.ToString());

        await panel.GetByTestId("upload-confirm").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("upload-result")).ToHaveTextAsync($"{fileName}: {Rows:N0} rows × {RobotCsv.Channels} channels stored", new() { Timeout = 30_000 });
        await Assertions.Expect(report).ToHaveCountAsync(0);
    }

    /// <summary>Starts a training and follows its progress on the page until the job has succeeded.</summary>
    private static async Task TrainAndWatchItFinishAsync(IPage page)
    {
        var state = page.GetByTestId("job-state");
        await page.GetByTestId("start-training").ClickAsync();
        // The new job replaces the last one on the page (queued at once, training takes seconds), then succeeds.
        await Assertions.Expect(state).Not.ToHaveAttributeAsync("data-state", "Succeeded");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 90_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Training progress" })).ToHaveAttributeAsync("aria-valuenow", "100");
    }
}
