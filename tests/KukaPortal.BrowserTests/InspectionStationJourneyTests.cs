using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KukaPortal.BrowserTests;

/// <summary>
/// An engineer sets up an inspection station only through the pages: created on Home as a station, an MVTec zip
/// validated and stored on the Data page (train and test sets), the test set previewed, a small image model trained,
/// listed on the Models page, and the test set queued for scoring.
/// </summary>
public class InspectionStationJourneyTests(BrowserPortal portal) : IAsyncLifetime
{
    private const int Iterations = 20;

    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Create_a_station_upload_an_mvtec_set_preview_it_and_train_an_image_model()
    {
        await using var journey = await PageJourney.OpenAsync(portal);
        await journey.RunAsync(async page =>
        {
            await journey.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GetByLabel("Name").FillAsync("Station 3");
            await page.GetByText("Inspection station (images)").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).ClickAsync();
            // The new station's page opens, pointing to where image sets are uploaded.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Station 3", Exact = true }).WaitForAsync();
            await Assertions.Expect(page.GetByTestId("station-setup")).ToContainTextAsync("Upload a ZIP of images");
            var assetId = await portal.WithDbAsync(db => db.Assets.Where(a => a.Name == "Station 3").Select(a => a.Id).SingleAsync());

            await page.GotoAsync("/");
            await Assertions.Expect(page.GetByTestId("asset-kind")).ToHaveTextAsync("Inspection station");

            await page.GotoAsync($"/assets/{assetId}/data");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Data · Station 3" }).WaitForAsync();
            await journey.WaitForInteractiveAsync();
            var panel = page.GetByTestId("upload-normal");
            await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "parts.zip", MimeType = "application/zip", Buffer = InspectionZips.Mvtec(InspectionZips.Small()),
            });
            var report = panel.GetByTestId("validation-report");
            await Assertions.Expect(report.GetByTestId("report-rows")).ToHaveTextAsync(["40", "11"], new() { Timeout = 60_000 });
            await Assertions.Expect(report).ToContainTextAsync("Labels: crack 2 (2 with masks), good 3");
            await panel.GetByTestId("upload-confirm").ClickAsync();
            await Assertions.Expect(panel.GetByTestId("upload-result")).ToHaveTextAsync("parts.zip/train: 40 images stored; parts.zip/test: 11 images stored", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("recording-row")).ToHaveCountAsync(2);

            await page.GetByRole(AriaRole.Button, new() { Name = "Preview parts.zip/test" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("image-set-summary")).ToHaveTextAsync("11 images at 128 × 128, grey; crack 2, good 3, hole 2, scratch 2, stain 2.");
            // One thumbnail of every label first (the last label, too), then more up to eight.
            var preview = page.GetByTestId("image-set-preview");
            await Assertions.Expect(preview.GetByRole(AriaRole.Img)).ToHaveCountAsync(8);
            await Assertions.Expect(preview.GetByRole(AriaRole.Img, new() { Name = "stain: test/stain/000.png" })).ToBeVisibleAsync();

            await page.GotoAsync($"/assets/{assetId}/training");
            await journey.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByLabel("parts.zip/train (40 images)")).ToBeCheckedAsync();
            await page.GetByLabel("Iterations").FillAsync(Iterations.ToString());
            await page.GetByLabel("Iterations").BlurAsync();
            await page.GetByLabel("Batch size").FillAsync("4");
            await page.GetByLabel("Batch size").BlurAsync();
            await page.GetByTestId("start-training").ClickAsync();
            await Assertions.Expect(page.GetByTestId("job-state")).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 120_000 });
            await Assertions.Expect(page.GetByTestId("training-summary")).ToContainTextAsync($"{Iterations} of {Iterations} iterations on 36 images");
            await Assertions.Expect(page.GetByTestId("training-summary")).ToContainTextAsync("held-out normal images");

            // The models page lists the image model like any other.
            await page.GotoAsync($"/assets/{assetId}/models");
            await journey.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("active-model")).ToHaveTextAsync("Active model v1");
            await Assertions.Expect(page.GetByTestId("model-status-1")).ToHaveTextAsync("active");

            await page.GotoAsync($"/assets/{assetId}/data");
            await journey.WaitForInteractiveAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Score parts.zip/test" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Scoring of parts.zip/test queued")).ToBeVisibleAsync();
        });

        var station = await portal.WithDbAsync(db => db.Assets.Include(a => a.ActiveModel).SingleAsync(a => a.Name == "Station 3"));
        station.Kind.ShouldBe(AssetKind.InspectionStation);
        station.ActiveModel.ShouldNotBeNull().Family.ShouldBe("conv-ae-2d");
        var scoring = await portal.WithDbAsync(db => db.Jobs.SingleAsync(j => j.Kind == JobKind.ScoreImages));
        var test = await portal.WithDbAsync(db => db.Recordings.SingleAsync(r => r.FileName == "parts.zip/test"));
        scoring.RecordingId.ShouldBe(test.Id);
        journey.ConsoleErrors.ShouldBeEmpty();
    }
}
