using System.Net;
using System.Net.Http.Headers;
using KukaPortal.Core.Images;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>
/// The inspection view's pictures, rendered by the real station model (<see cref="StationModel"/>) that scored the images: PNGs of the model's
/// size, 404s for what does not exist, cacheable for good, and a heat map that is hot where the defect is.
/// </summary>
public class InspectionPictureTests(PortalFactory portal) : PortalTest(portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_panel_is_a_png_of_the_model_size_sent_with_an_etag_that_answers_not_modified()
    {
        using var session = await SignInAsAdminAsync();
        var station = await InspectionStation.CreateAsync(Portal);
        var runId = Guid.NewGuid();
        var good = StationModel.TestImages().First(s => s.Mask is null);
        await station.PublishAsync(runId, [new StationImage("part-0.png", null, good.Image)], DateTimeOffset.UtcNow);

        foreach (var panel in new[] { "input", "reconstruction", "heatmap", "thumbnail" })
        {
            var response = await session.Client.GetAsync(Url(station, runId, 0, panel), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, panel);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(Ct));
            (bitmap.Width, bitmap.Height).ShouldBe((32, 32), panel);
            response.Headers.CacheControl!.Private.ShouldBeTrue();
            response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));

            using var again = new HttpRequestMessage(HttpMethod.Get, Url(station, runId, 0, panel));
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            (await session.Client.SendAsync(again, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotModified, panel);
        }

        // The input panel is the image as received: same pixels (to PNG's 8 bits) as the original.
        using var input = SKBitmap.Decode(await session.Client.GetByteArrayAsync(Url(station, runId, 0, "input"), Ct));
        for (var y = 0; y < 32; y += 7)
            for (var x = 0; x < 32; x += 5)
                ((double)input.GetPixel(x, y).Red).ShouldBe(good.Image.Pixels[y * 32 + x] * 255, 1.0);
    }

    [Fact]
    public async Task Unknown_images_panels_and_a_received_images_mask_are_404_and_strangers_401()
    {
        using var session = await SignInAsAdminAsync();
        var station = await InspectionStation.CreateAsync(Portal);
        var otherId = await CreateAssetAsync("Robot 2");
        var runId = Guid.NewGuid();
        await station.PublishAsync(runId, [new StationImage("part-0.png", null, StationModel.TestImages()[0].Image)], DateTimeOffset.UtcNow);

        var mask = await session.Client.GetAsync(Url(station, runId, 0, "mask"), Ct);
        mask.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mask.Content.ReadAsStringAsync(Ct)).ShouldContain("has no ground-truth mask");
        var unknown = await session.Client.GetAsync(Url(station, runId, 7, "input"), Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("has no scored image 7");
        (await session.Client.GetAsync($"/api/assets/{otherId}/inspection/{runId}/0/input.png", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var panel = await session.Client.GetAsync(Url(station, runId, 0, "xray"), Ct);
        panel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await panel.Content.ReadAsStringAsync(Ct)).ShouldContain("Unknown picture 'xray'");

        using var anonymous = Portal.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync(Url(station, runId, 0, "input"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_heatmap_of_a_defective_image_is_painted_where_its_defect_is_and_the_mask_of_a_set_image_is_its_ground_truth()
    {
        using var session = await SignInAsAdminAsync();
        var station = await InspectionStation.CreateAsync(Portal);
        var defects = StationModel.TestImages().Where(s => s.Mask is not null).ToList();
        var recordingId = await StoreSetAsync(station.AssetId, defects);
        var runId = Guid.NewGuid();
        await PublishFromSetAsync(station, runId, recordingId, defects);

        double inside = 0, outside = 0;
        for (var i = 0; i < defects.Count; i++)
        {
            var mask = defects[i].Mask!;
            using var heatmap = SKBitmap.Decode(await session.Client.GetByteArrayAsync(Url(station, runId, i, "heatmap"), Ct));
            using var input = SKBitmap.Decode(await session.Client.GetByteArrayAsync(Url(station, runId, i, "input"), Ct));
            // Paint = how far the overlay moved a pixel from the grey input; the map is scaled by the model's
            // fixed saturation, so unpainted pixels are exactly the input.
            var (inMask, outMask) = MeanPaint(heatmap, input, mask);
            inside += inMask;
            outside += outMask;

            var groundTruth = await session.Client.GetAsync(Url(station, runId, i, "mask"), Ct);
            groundTruth.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var maskPng = SKBitmap.Decode(await groundTruth.Content.ReadAsByteArrayAsync(Ct));
            for (var p = 0; p < 32 * 32; p++)
                (maskPng.GetPixel(p % 32, p / 32).Red > 127).ShouldBe(mask.Pixels[p] > 0.5f);
        }

        inside.ShouldBeGreaterThan(3 * outside, $"mean paint inside the defects {inside / defects.Count:F1}, outside {outside / defects.Count:F1}");
    }

    private static (double Inside, double Outside) MeanPaint(SKBitmap heatmap, SKBitmap input, PlanarImage mask)
    {
        double inside = 0, outside = 0;
        int insideCount = 0, outsideCount = 0;
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var (h, g) = (heatmap.GetPixel(x, y), input.GetPixel(x, y).Red);
                var paint = Math.Abs(h.Red - g) + Math.Abs(h.Green - g) + Math.Abs(h.Blue - g);
                if (mask.Pixels[y * 32 + x] > 0.5f) { inside += paint; insideCount++; }
                else { outside += paint; outsideCount++; }
            }
        }
        return (inside / insideCount, outside / outsideCount);
    }

    /// <summary>The defect images as a stored image set (the .npz an upload stores), so its images have their masks.</summary>
    private async Task<int> StoreSetAsync(int assetId, IReadOnlyList<Core.Simulation.Inspection.InspectionSample> samples)
    {
        var set = new ImageSet(
            samples.Select(s => new ImageSetItem($"test/{s.Key.Label}/{s.Key.Index:000}.png", ImageRole.Test, s.Key.Label, s.Image, s.Mask, PixelRect.Full(32, 32))).ToList(),
            Size: 32, Channels: 1, ImageSetLayout.Mvtec);
        var blob = Portal.Services.GetRequiredService<BlobStore>().Write("recordings", ".npz", stream => ImageSetArchive.Write(stream, set));
        return await Portal.WithDbAsync(async db =>
        {
            var recording = new Recording
            {
                AssetId = assetId, FileName = "defects.zip", Format = Recording.ImageSetFormat, Purpose = RecordingPurpose.Scoring,
                Sha256 = blob.Sha256, SizeBytes = blob.SizeBytes, OriginalKey = blob.Key, DataKey = blob.Key, Rows = samples.Count,
                Channels = ["grey"], AnomalousRows = samples.Count, Report = "{}", UploadedAt = DateTimeOffset.UtcNow,
            };
            db.Recordings.Add(recording);
            await db.SaveChangesAsync();
            return recording.Id;
        });
    }

    /// <summary>Scores the set's images with the real model and stores them as a batch scoring job does: by recording and index.</summary>
    private async Task PublishFromSetAsync(InspectionStation station, Guid runId, int recordingId, IReadOnlyList<Core.Simulation.Inspection.InspectionSample> samples)
    {
        var scores = await StationModel.ScoreAsync(Portal, samples.Select(s => s.Image).ToList());
        var start = RunClock.TruncateToMicroseconds(DateTimeOffset.UtcNow);
        var windows = scores.Select((s, i) => new ScoredWindow(i, i, i + 1, i + 1, i + 1, s.Score, s.Calibrated, s.AboveThreshold, start.AddSeconds(i + 1))).ToList();
        var images = samples.Select((s, i) => new InspectedImage(i, $"test/{s.Key.Label}/{s.Key.Index:000}.png", s.Key.Label, start, RecordingId: recordingId, ImageIndex: i)).ToList();
        await Portal.Services.GetRequiredService<ScoreBatchPublisher>()
            .PublishAsync(new ScoreBatch(station.AssetId, runId, station.ModelId, windows, [], images), Ct);
    }

    private static string Url(InspectionStation station, Guid runId, int index, string panel) =>
        $"/api/assets/{station.AssetId}/inspection/{runId}/{index}/{panel}.png";
}
