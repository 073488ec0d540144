using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using KukaPortal.Data.Entities;
using KukaPortal.IntegrationTests.Inspection;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// The disk fills up during an upload (issue 9): the sender gets 507 with a sentence that says so and that nothing was
/// stored, the half-written file is gone, no row and no job are left, and once there is room the same upload works.
/// </summary>
public sealed class DiskFullTests(FullDiskPortal portal, TinyImageModel model)
    : LiveImageTest(portal, model), IClassFixture<FullDiskPortal>, IClassFixture<TinyImageModel>
{
    private const string DiskFull = "The server's disk is full; nothing was stored";
    private static readonly byte[] RobotRecording = System.Text.Encoding.UTF8.GetBytes(RobotCsv.Normal(2000));
    private static readonly byte[] ImageSet = InspectionZips.Flat(InspectionZips.Small(train: 6));

    private FullDisk Disk => ((FullDiskPortal)Portal).Disk;

    public override ValueTask DisposeAsync()
    {
        Disk.Unlimited();
        return base.DisposeAsync();
    }

    /// <summary>Free space left for each case: less than the upload (it fails while arriving), or the upload and a few bytes (it fails while the parsed data is written).</summary>
    public static TheoryData<string, bool, bool> Cases => new()
    {
        { "a robot recording, while it arrives", false, false },
        { "a robot recording, while it arrives as multipart", false, true },
        { "a robot recording, while its parsed data is written", true, false },
        { "an image set, while it arrives", false, false },
        { "an image set, while its archive is written", true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_upload_that_fills_the_disk_gets_507_and_leaves_nothing_and_the_next_one_works(string what, bool fitsUpload, bool multipart)
    {
        using var session = await SignInAsAdminAsync();
        var imageSet = what.StartsWith("an image set");
        var assetId = imageSet ? await CreateStationAsync() : await CreateAssetAsync();
        var body = imageSet ? ImageSet : RobotRecording;
        Disk.Leave(fitsUpload ? body.Length + 64 : body.Length / 3);

        var refused = await UploadAsync(session, assetId, body, imageSet ? "parts.zip" : "run.csv", multipart);

        var text = await refused.Content.ReadAsStringAsync(Ct);
        ((int)refused.StatusCode).ShouldBe(StatusCodes.Status507InsufficientStorage, $"{what}: {text}");
        text.ShouldContain(DiskFull);
        StoredUploads().ShouldBeEmpty("no half-written file (.partial) and no received file is left");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(Ct))).ShouldBe(0);

        Disk.Unlimited();
        var accepted = await UploadAsync(session, assetId, body, imageSet ? "parts.zip" : "run.csv", multipart);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_staged_upload_whose_confirm_fills_the_disk_gets_507_and_leaves_nothing()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var staged = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal&fileName=run.csv&stage=validate",
            new ByteArrayContent(RobotRecording), Ct);
        var stagedText = await staged.Content.ReadAsStringAsync(Ct);
        staged.StatusCode.ShouldBe(HttpStatusCode.OK, stagedText);
        var uploadId = JsonDocument.Parse(stagedText).RootElement.GetProperty("uploadId").GetString();
        Disk.Leave(64); // the received file is on disk already; the parsed data written at confirm does not fit

        var refused = await session.Client.PostAsync($"/api/assets/{assetId}/recordings/staged/{uploadId}/confirm", null, Ct);

        var text = await refused.Content.ReadAsStringAsync(Ct);
        ((int)refused.StatusCode).ShouldBe(StatusCodes.Status507InsufficientStorage, text);
        text.ShouldContain(DiskFull);
        StoredUploads().ShouldBeEmpty("the staged file and the half-written data are both gone");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task A_live_image_that_fills_the_disk_gets_507_and_leaves_no_window_no_image_row_and_no_file()
    {
        var (assetId, key) = await StationAsync();
        Disk.Leave(100);

        var refused = await PostAsync(assetId, key, Model.CleanPngs[0], name: "part-1.png");

        var text = await refused.Content.ReadAsStringAsync(Ct);
        ((int)refused.StatusCode).ShouldBe(StatusCodes.Status507InsufficientStorage, text);
        text.ShouldContain(DiskFull);
        KeptFiles().ShouldBeEmpty();
        StoredUploads().ShouldBeEmpty();
        (await WindowsAsync(assetId)).ShouldBeEmpty();
        (await ImagesAsync(assetId)).ShouldBeEmpty();

        Disk.Unlimited();
        await ScoredAsync(await PostAsync(assetId, key, Model.CleanPngs[0], name: "part-1.png"));
    }

    private static Task<HttpResponseMessage> UploadAsync(PortalSession session, int assetId, byte[] file, string name, bool multipart)
    {
        HttpContent content = new ByteArrayContent(file);
        if (multipart) content = new MultipartFormDataContent { { content, "files", name } };
        return session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal&fileName={name}&size=32", content, Ct);
    }

    private Task<int> CreateStationAsync() => Portal.WithDbAsync(async db =>
    {
        var station = new Asset { Name = "Station 1", Kind = AssetKind.InspectionStation, CreatedAt = DateTimeOffset.UtcNow, AlarmOnDelayK = 2, AlarmOnDelayN = 3 };
        db.Assets.Add(station);
        await db.SaveChangesAsync();
        return station.Id;
    });

    /// <summary>Every stored file but the model artifacts a test copies in.</summary>
    private string[] StoredUploads() => Directory.Exists(Portal.StorageRoot)
        ? Directory.GetFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}models{Path.DirectorySeparatorChar}")).ToArray()
        : [];
}
