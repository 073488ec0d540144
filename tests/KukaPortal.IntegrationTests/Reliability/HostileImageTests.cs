using KukaPortal.IntegrationTests.Inspection;
using KukaPortal.Web.Ingest;
using Microsoft.EntityFrameworkCore;
using static KukaPortal.IntegrationTests.Reliability.HostileImages;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// The image half of issue 9's hostile corpus, through both ways pictures arrive: an image set uploaded to a station
/// (the recordings API) and one picture posted by a camera (the live image API). Each file gets its own refusal, and
/// nothing of it is left: no recording, no job, no window, no inspection image, no stream run, no stored file.
/// </summary>
public sealed class HostileImageTests(PortalFactory portal, TinyImageModel model) : LiveImageTest(portal, model), IClassFixture<TinyImageModel>
{
    public static TheoryData<string, int, string> ImageSets => new()
    {
        { "huge-picture.zip", 422, "declares 100,000 × 100,000 = 10,000,000,000 pixels" },
        { "truncated-picture.zip", 422, "truncated" },
        { "empty.zip", 422, "holds no readable image" },
        { "nested.zip", 422, "nested archives are not imported" },
        { "symlink.zip", 422, "symbolic link" },
        { "zip-slip.zip", 422, "points outside the archive" },
    };

    [Theory]
    [MemberData(nameof(ImageSets))]
    public async Task Each_hostile_image_set_is_refused_for_its_own_reason_and_leaves_nothing(string file, int status, string reason)
    {
        using var session = await SignInAsAdminAsync();
        var (stationId, _) = await StationAsync(withModel: false);

        var response = await session.Client.PostAsync($"/api/assets/{stationId}/recordings?purpose=normal&fileName={file}&size=32",
            new ByteArrayContent(ImageSetCorpus(file)), Ct);

        await ShouldBeRefusedAsync(response, status, reason);
        await NothingLeftAsync(session);
    }

    public static TheoryData<string, int, string> LiveImages => new()
    {
        { "huge.png", 413, "declares 100,000 × 100,000 = 10,000,000,000 pixels" },
        { "truncated.png", 400, "truncated" },
        { "csv-declared-png", 415, "not an image" },
        { "json", 415, "got 'application/json'" },
        { "not-multipart", 400, "multipart" },
    };

    [Theory]
    [MemberData(nameof(LiveImages))]
    public async Task Each_hostile_live_image_is_refused_for_its_own_reason_and_leaves_nothing(string file, int status, string reason)
    {
        using var session = await SignInAsAdminAsync();
        var (stationId, key) = await StationAsync();
        var (body, contentType) = LiveImageCorpus(file);

        var response = await PostRawAsync(stationId, key, body, contentType);

        await ShouldBeRefusedAsync(response, status, reason);
        await NothingLeftAsync(session);
        (await Portal.WithDbAsync(db => db.WindowScores.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.InspectionImages.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.StreamRuns.CountAsync(Ct))).ShouldBe(0);
        KeptFiles().ShouldBeEmpty();
    }

    private static byte[] ImageSetCorpus(string file) => file switch
    {
        "huge-picture.zip" => Zip(("good.png", Picture(), false), ("huge.png", DeclaringPixels(100_000, 100_000), false)),
        "truncated-picture.zip" => Zip(("truncated.png", Truncated(), false)),
        "empty.zip" => EmptyZip(),
        "nested.zip" => Zip(("good.png", Picture(), false), ("more.zip", Zip(("inner.png", Picture(), false)), false)),
        "symlink.zip" => Zip(("good.png", Picture(), false), ("link.png", "/etc/passwd"u8.ToArray(), true)),
        "zip-slip.zip" => Zip(("good.png", Picture(), false), ("../../outside.png", Picture(), false)),
        _ => throw new ArgumentException(file),
    };

    private static (byte[] Body, string ContentType) LiveImageCorpus(string file) => file switch
    {
        "huge.png" => (DeclaringPixels(100_000, 100_000), "image/png"),
        "truncated.png" => (Truncated(), "image/png"),
        "csv-declared-png" => ("a,b\n1,2\n"u8.ToArray(), "image/png"),
        "json" => ("{\"image\": \"iVBORw0KGgo=\"}"u8.ToArray(), "application/json"),
        "not-multipart" => (Picture(), "multipart/form-data; boundary=never-sent"),
        _ => throw new ArgumentException(file),
    };

    /// <summary>Posts with the Content-Type exactly as given (a multipart type with a boundary included).</summary>
    private Task<HttpResponseMessage> PostRawAsync(int assetId, string key, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{assetId}/images") { Content = content };
        request.Headers.Add(AssetApiKeyFilter.Header, key);
        return Portal.CreateClient().SendAsync(request, Ct);
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, int status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain(reason, Case.Insensitive);
    }

    /// <summary>No recording, no job and no stored file but the model artifacts the stations were given; the portal answers.</summary>
    private async Task NothingLeftAsync(PortalSession session)
    {
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(Ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(Ct))).ShouldBe(0);
        var stored = Directory.Exists(Portal.StorageRoot) ? Directory.GetFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories) : [];
        stored.ShouldAllBe(f => f.Contains($"{Path.DirectorySeparatorChar}models{Path.DirectorySeparatorChar}"));
        (await session.Client.GetAsync("/health", Ct)).IsSuccessStatusCode.ShouldBeTrue("the portal is still up");
    }
}
