using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using KukaPortal.Core.Images;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.IntegrationTests.Inspection;

/// <summary>Image sets uploaded to an inspection station through the recordings API: stored whole, or refused leaving nothing.</summary>
public class ImageSetImportTests(PortalFactory portal) : PortalTest(portal)
{
    private BlobStore Blobs => Portal.Services.GetRequiredService<BlobStore>();

    [Fact]
    public async Task An_mvtec_zip_becomes_a_normal_train_set_and_a_labelled_test_set_sharing_the_kept_original()
    {
        using var session = await SignInAsAdminAsync();
        var stationId = await CreateStationAsync();
        var zip = InspectionZips.Mvtec(InspectionZips.Small());

        var response = await PostAsync(session, stationId, zip, "parts.zip", "size=32");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var recordings = await Portal.WithDbAsync(db => db.Recordings.Where(r => r.AssetId == stationId).OrderBy(r => r.Id).ToListAsync());
        recordings.Select(r => (r.FileName, r.Purpose, r.Format, r.Rows)).ShouldBe(
            [("parts.zip/train", RecordingPurpose.Normal, Recording.ImageSetFormat, 40), ("parts.zip/test", RecordingPurpose.Scoring, Recording.ImageSetFormat, 3 + 4 * 2)]);
        recordings.ShouldAllBe(r => r.Channels.SequenceEqual(new[] { "grey" })); // colour auto: the simulator's grey set keeps one plane
        (recordings[0].AnomalousRows, recordings[1].AnomalousRows).ShouldBe((0, 8));
        var sha = Convert.ToHexStringLower(SHA256.HashData(zip));
        recordings.ShouldAllBe(r => r.Sha256 == sha && r.OriginalKey == recordings[0].OriginalKey);
        File.ReadAllBytes(Blobs.PathOf(recordings[0].OriginalKey)).ShouldBe(zip);

        using var stored = Blobs.OpenRead(recordings[1].DataKey);
        var test = ImageSetArchive.Read(stored);
        (test.Size, test.Channels, test.Items.Count).ShouldBe((32, 1, 11));
        test.Items.ShouldAllBe(i => i.Role == ImageRole.Test);
        test.Items.Where(i => i.IsDefect).ShouldAllBe(i => i.Mask != null);
        test.Items.Select(i => i.Label).Distinct().Order().ShouldBe(["crack", "good", "hole", "scratch", "stain"]);
    }

    [Fact]
    public async Task A_flat_zip_becomes_one_set_of_the_chosen_purpose_in_the_chosen_colour()
    {
        using var session = await SignInAsAdminAsync();
        var stationId = await CreateStationAsync();

        var response = await PostAsync(session, stationId, InspectionZips.Flat(InspectionZips.Small(train: 6)), "line-3.zip", "purpose=scoring&size=64&colour=rgb");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var recording = await Portal.WithDbAsync(db => db.Recordings.SingleAsync(r => r.AssetId == stationId));
        (recording.FileName, recording.Purpose, recording.Rows, recording.AnomalousRows).ShouldBe(("line-3.zip", RecordingPurpose.Scoring, 6, null));
        recording.Channels.ShouldBe(["r", "g", "b"]);
        using var stored = Blobs.OpenRead(recording.DataKey);
        ImageSetArchive.Read(stored).Size.ShouldBe(64);
    }

    [Fact]
    public async Task Each_refusal_names_its_reason_and_leaves_no_row_and_no_file()
    {
        using var session = await SignInAsAdminAsync();
        var stationId = await CreateStationAsync();
        var robotId = await CreateAssetAsync();
        var images = InspectionZips.Mvtec(InspectionZips.Small(train: 4));
        var filesBefore = StoredFiles();

        var cases = new (int AssetId, byte[] Body, string Name, string Query, string Expected)[]
        {
            (stationId, InspectionZips.WithEntries(("notes.txt", "no pictures here"u8.ToArray())), "empty.zip", "", "holds no readable image"),
            (stationId, InspectionZips.WithEntries(("test/good/000.png", ImagePng())), "only-test.zip", "", "no defect-free training images"),
            (stationId, "time,a\n0,1\n1,2\n"u8.ToArray(), "run.csv", "", "is an inspection station"),
            (robotId, images, "parts.zip", "", "is a robot cell"),
        };
        foreach (var (assetId, body, name, query, expected) in cases)
        {
            var response = await PostAsync(session, assetId, body, name, query);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, $"{name}: {text}");
            JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!.ShouldContain(expected, Case.Insensitive, name);
        }
        (await PostAsync(session, stationId, images, "parts.zip", "size=48")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(0);
        StoredFiles().ShouldBe(filesBefore);
    }

    [Fact]
    public async Task A_robot_still_takes_a_zip_of_recordings_with_a_stray_picture_in_it()
    {
        using var session = await SignInAsAdminAsync();
        var robotId = await CreateAssetAsync();
        var zip = InspectionZips.WithEntries(("normal.csv", System.Text.Encoding.UTF8.GetBytes(RobotCsv.Normal(rows: 400))), ("setup-photo.png", ImagePng()));

        var response = await PostAsync(session, robotId, zip, "runs.zip", "");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Portal.WithDbAsync(db => db.Recordings.SingleAsync())).FileName.ShouldBe("runs.zip/normal.csv");
    }

    [Fact]
    public async Task A_staged_image_set_reports_its_labels_before_anything_is_stored()
    {
        using var session = await SignInAsAdminAsync();
        var stationId = await CreateStationAsync();

        var response = await PostAsync(session, stationId, InspectionZips.Mvtec(InspectionZips.Small(train: 4)), "parts.zip", "stage=validate&size=32");

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var reports = JsonDocument.Parse(text).RootElement.GetProperty("reports").EnumerateArray().ToList();
        reports.Select(r => r.GetProperty("source").GetString()).ShouldBe(["parts.zip/train", "parts.zip/test"]);
        reports[1].GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain("Labels: crack 2 (2 with masks), good 3, hole 2 (2 with masks), scratch 2 (2 with masks), stain 2 (2 with masks).");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(0);
    }

    private static byte[] ImagePng() => ImageEncoder.Png(new PlanarImage(1, 8, 8, new float[64]));

    private Task<int> CreateStationAsync() => Portal.WithDbAsync(async db =>
    {
        var station = new Asset { Name = "Station 1", Kind = AssetKind.InspectionStation, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
        db.Assets.Add(station);
        await db.SaveChangesAsync();
        return station.Id;
    });

    private static Task<HttpResponseMessage> PostAsync(PortalSession session, int assetId, byte[] body, string fileName, string query) =>
        session.Client.PostAsync($"/api/assets/{assetId}/recordings?fileName={fileName}&{query}", new ByteArrayContent(body), TestContext.Current.CancellationToken);

    private string[] StoredFiles() => Directory.Exists(Portal.StorageRoot)
        ? Directory.GetFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories).Order().ToArray()
        : [];
}
