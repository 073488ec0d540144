using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Recordings;

public class UploadValidationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_broken_csv_is_rejected_with_its_line_and_column_and_nothing_is_stored()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal",
            new StringContent("a,b\n1,2\n3,oops\n"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(422);
        (await DetailOf(response)).ShouldContain("Line 3, column 'b': 'oops' is not a number.");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(0);
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_recording_with_a_missing_value_is_rejected_naming_the_row_and_channel()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal",
            new StringContent("a,b\n1,2\n3,\n"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(422);
        (await DetailOf(response)).ShouldBe("upload.csv: Channel 'b' has 1 missing or infinite value, the first at row 2; the missing-value policy is reject.");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(0);
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_recording_with_other_channels_than_the_asset_has_is_rejected_naming_them()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        await UploadAsync(session, assetId, "a,b\n1,2\n", "normal");

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=scoring",
            new StringContent("a,c\n1,2\n"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(422);
        (await DetailOf(response)).ShouldBe("upload.csv: The channels differ from the asset's (missing: b; extra: c).");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(1);
        StoredFiles().Length.ShouldBe(2, "the first upload's original and its stored data");
    }

    [Fact]
    public async Task An_accepted_upload_keeps_the_original_bytes_under_their_checksum()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var csv = RobotCsv.Normal(100);

        var id = await UploadAsync(session, assetId, csv, "normal");

        var recording = await Portal.WithDbAsync(db => db.Recordings.SingleAsync(r => r.Id == id));
        recording.Rows.ShouldBe(100);
        recording.Channels.Length.ShouldBe(RobotCsv.Channels);
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv);
        recording.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        File.ReadAllBytes(Path.Combine(Portal.StorageRoot, recording.OriginalKey)).ShouldBe(bytes);
    }

    [Fact]
    public async Task A_multipart_upload_stores_every_file_or_none()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var bad = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal",
            Multipart(("good.csv", "a,b\n1,2\n"), ("bad.csv", "a,b\n1\n")), TestContext.Current.CancellationToken);
        ((int)bad.StatusCode).ShouldBe(422);
        (await DetailOf(bad)).ShouldBe("bad.csv, line 2: Expected 2 fields as in the header, found 1.");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync())).ShouldBe(0);
        StoredFiles().ShouldBeEmpty();

        var good = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal",
            Multipart(("first.csv", "a,b\n1,2\n"), ("second.csv", "b,a\n3,4\n5,6\n")), TestContext.Current.CancellationToken);
        var stored = await session.ReadAsync<UploadView>(good);
        stored.Recordings.Select(r => (r.Name, r.Rows)).ShouldBe([("first.csv", 1), ("second.csv", 2)]);
        StoredFiles().Length.ShouldBe(4, "two originals and their stored data");
    }

    private static MultipartFormDataContent Multipart(params (string Name, string Text)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, text) in files)
            content.Add(new StringContent(text), "files", name);
        return content;
    }

    [Fact]
    public async Task The_first_upload_of_an_asset_must_agree_with_itself_on_channels()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal",
            Multipart(("first.csv", "a,b\n1,2\n"), ("second.csv", "a,c\n1,2\n")), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(422);
        (await DetailOf(response)).ShouldBe("second.csv: The channels differ from the first recording of this upload (missing: b; extra: c).");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_multipart_upload_without_a_file_is_refused_with_a_reason()
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var form = new MultipartFormDataContent { { new StringContent("normal"), "note" } };

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings", form, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(400);
        (await DetailOf(response)).ShouldBe("The upload contains no file.");
        StoredFiles().ShouldBeEmpty();
    }

    private static async Task<string> DetailOf(HttpResponseMessage response)
    {
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private string[] StoredFiles() =>
        Directory.Exists(Portal.StorageRoot) ? Directory.GetFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories) : [];
}
