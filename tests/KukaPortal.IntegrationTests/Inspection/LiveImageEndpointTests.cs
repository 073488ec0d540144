using System.Collections.Concurrent;
using System.Net.Http.Headers;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Inspection;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>POST /api/assets/{id}/images: a picture kept, scored, stored as one window and one inspection image, pushed; every refusal stores nothing.</summary>
public class LiveImageEndpointTests(PortalFactory portal, TinyImageModel model) : LiveImageTest(portal, model), IClassFixture<TinyImageModel>
{
    [Fact]
    public async Task A_posted_picture_is_kept_scored_stored_as_one_window_and_one_inspection_image_and_pushed_to_dashboards()
    {
        var (assetId, key) = await StationAsync();
        using var session = await SignInAsAdminAsync();
        var pushed = new ConcurrentQueue<WindowsScored>();
        await using var hub = session.CreateHubConnection();
        hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), pushed.Enqueue);
        await hub.StartAsync(Ct);
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId, Ct);

        var clean = await ScoredAsync(await PostAsync(assetId, key, Model.CleanPngs[0], name: "part-0001.png"));

        clean.ShouldSatisfyAllConditions(
            r => r.WindowIndex.ShouldBe(0),
            r => r.Name.ShouldBe("part-0001.png"),
            r => r.Verdict.ShouldBe("ok"),
            r => r.Threshold.ShouldBe(Model.Threshold, 1e-9),
            r => r.Calibrated.ShouldBe(r.Score / Model.Threshold, 1e-9),
            r => r.AlarmRaised.ShouldBeFalse());
        var window = (await WindowsAsync(assetId)).ShouldHaveSingleItem();
        window.ShouldSatisfyAllConditions(
            w => (w.RunId, w.WindowIndex, w.Sequence).ShouldBe((clean.RunId, 0, clean.Sequence)),
            w => (w.StartRow, w.EndRow).ShouldBe((0, 1)),
            w => w.Score.ShouldBe(clean.Score, 1e-9),
            w => w.AboveThreshold.ShouldBeFalse());
        var image = (await ImagesAsync(assetId)).ShouldHaveSingleItem();
        (image.RunId, image.WindowIndex, image.Name, image.Label, image.RecordingId).ShouldBe((clean.RunId, 0, "part-0001.png", (string?)null, (int?)null));
        image.BlobKey.ShouldNotBeNull().ShouldStartWith($"inspection/{assetId}/");
        (await File.ReadAllBytesAsync(Portal.Services.GetRequiredService<BlobStore>().PathOf(image.BlobKey), Ct)).ShouldBe(Model.CleanPngs[0]);
        var run = await Portal.WithDbAsync(db => db.StreamRuns.SingleAsync(r => r.Id == clean.RunId, Ct));
        (run.AssetId, run.Source, run.NextWindowIndex).ShouldBe((assetId, StreamSource.Images, 1));
        await WaitUntilAsync(() => pushed.SelectMany(p => p.Windows).Any(w => w.Sequence == clean.Sequence), TimeSpan.FromSeconds(10), "the pushed window");

        // The same endpoint takes multipart with one file, named by its file name.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Model.DefectPngs[0]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", "scratch.png");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/images") { Content = form };
        request.Headers.Add("X-Api-Key", key);
        var defect = await ScoredAsync(await Portal.CreateClient().SendAsync(request, Ct));

        (defect.RunId, defect.WindowIndex, defect.Name, defect.Verdict).ShouldBe((clean.RunId, 1, "scratch.png", "defect"));
        defect.Calibrated.ShouldBeGreaterThanOrEqualTo(1);
        defect.Sequence.ShouldBeGreaterThan(clean.Sequence);
        (await WindowsAsync(assetId)).Select(w => w.AboveThreshold).ShouldBe([false, true]);
        KeptFiles().Length.ShouldBe(2);
    }

    [Fact]
    public async Task Each_refusal_says_why_and_stores_nothing()
    {
        var (stationId, key) = await StationAsync();
        var (untrainedId, untrainedKey) = await StationAsync(withModel: false, name: "Station 2");
        var robotId = await CreateAssetAsync();
        await ActivateModelAsync(robotId);
        var robotKey = (await Portal.Services.GetRequiredService<KukaPortal.Web.Ingest.ApiKeyStore>().CreateAsync(robotId, "plc", "test", Ct))!.Value.Plain;
        var picture = Model.CleanPngs[0];

        await RefusedAsync(PostAsync(stationId + 1000, key, picture), 404, "does not exist");
        await RefusedAsync(PostAsync(stationId, null, picture), 401, "X-Api-Key");
        await RefusedAsync(PostAsync(stationId, "kpk_not-a-key", picture), 401, "not known");
        await RefusedAsync(PostAsync(stationId, untrainedKey, picture), 403, "another asset");
        await RefusedAsync(PostAsync(robotId, robotKey, picture), 409, "not an inspection station");
        await RefusedAsync(PostAsync(untrainedId, untrainedKey, picture), 409, "train a model first");
        await RefusedAsync(PostAsync(stationId, key, new byte[new LiveImageOptions().MaxImageBytes + 1]), 413, "larger than");
        await RefusedAsync(PostAsync(stationId, key, []), 400, "no image");
        await RefusedAsync(PostAsync(stationId, key, "hello"u8.ToArray(), contentType: "text/plain"), 415, "image/png");
        await RefusedAsync(PostAsync(stationId, key, "this is no picture"u8.ToArray()), 415, "not an image");
        await RefusedAsync(PostAsync(stationId, key, picture[..(picture.Length * 2 / 3)]), 400, "truncated");
        await RefusedAsync(PostAsync(stationId, key, picture, name: new string('a', 1001)), 400, "at most 1000");

        (await Portal.WithDbAsync(db => db.WindowScores.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.InspectionImages.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.StreamRuns.CountAsync(Ct))).ShouldBe(0);
        KeptFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Pictures_posted_at_once_get_distinct_consecutive_positions_each_with_its_own_file()
    {
        var (assetId, key) = await StationAsync();
        var pictures = Model.CleanPngs.Concat(Model.DefectPngs).ToArray();

        var results = await Task.WhenAll(pictures.Select(async (p, i) => await ScoredAsync(await PostAsync(assetId, key, p, name: $"p{i}.png"))));

        results.Select(r => r.WindowIndex).Order().ShouldBe(Enumerable.Range(0, pictures.Length));
        results.Select(r => r.Sequence).Distinct().Count().ShouldBe(pictures.Length);
        results.Select(r => r.RunId).Distinct().ShouldHaveSingleItem();
        var images = await ImagesAsync(assetId);
        images.Count.ShouldBe(pictures.Length);
        var blobs = Portal.Services.GetRequiredService<BlobStore>();
        foreach (var result in results)
        {
            var stored = images.Single(i => i.WindowIndex == result.WindowIndex);
            stored.Name.ShouldBe(result.Name);
            var sent = pictures[int.Parse(result.Name[1..^4])];
            (await File.ReadAllBytesAsync(blobs.PathOf(stored.BlobKey!), Ct)).ShouldBe(sent);
        }
        (await WindowsAsync(assetId)).Select(w => w.WindowIndex).ShouldBe(Enumerable.Range(0, pictures.Length));
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> sending, int status, string reason)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain(reason, Case.Insensitive);
    }
}
