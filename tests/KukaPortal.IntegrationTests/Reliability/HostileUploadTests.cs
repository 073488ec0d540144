using System.IO.Compression;
using System.Text;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>
/// The hostile-input corpus of issue 9, sent through the real upload API: each file gets its own specific refusal,
/// the portal stays up, and nothing of it is left behind (no recording rows, no jobs, no stored files).
/// </summary>
public class HostileUploadTests(PortalFactory portal) : PortalTest(portal)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "empty.csv", "The file is empty" },
        { "invalid-utf8.csv", "line 3, column 'a'" },
        { "nan-everywhere.csv", "'inf' is not a number" },
        { "absurd-shape.npy", "more than the limit of 268,435,456" },
        { "ten-million-columns.npy", "expected 40,000,000 bytes after the header, found 0" },
        { "truncated.parquet", "The Parquet file cannot be read" },
        { "nested.zip", "nested archives are not imported" },
        { "symlink.zip", "symbolic link" },
        { "zip-slip.zip", "points outside the archive" },
        { "bomb.zip", "would inflate" },
        { "not-a-zip.zip", "The zip archive cannot be read" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_hostile_file_is_refused_for_its_own_reason_and_leaves_nothing_behind(string file, string reason)
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var ct = TestContext.Current.CancellationToken;

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal&fileName={file}",
            new ByteArrayContent(Corpus(file)), ct);

        var body = await response.Content.ReadAsStringAsync(ct);
        ((int)response.StatusCode).ShouldBeOneOf(400, 413, 422);
        body.ShouldContain(reason, Case.Insensitive);
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(ct))).ShouldBe(0);
        StoredFiles().ShouldBeEmpty();
        (await session.Client.GetAsync("/health", ct)).IsSuccessStatusCode.ShouldBeTrue("the portal is still up");
    }

    public static TheoryData<string, string, int, string> WrongContentTypes => new()
    {
        { "a CSV declared as a PNG image", "image/png", 415, "declared as 'image/png'" },
        { "a JSON payload", "application/json", 415, "declared as 'application/json'" },
        { "a CSV declared as multipart", "multipart/form-data; boundary=never-sent", 400, "declared as multipart/form-data but could not be read" },
    };

    [Theory]
    [MemberData(nameof(WrongContentTypes))]
    public async Task A_body_of_the_wrong_declared_type_is_refused_before_anything_is_stored(string what, string contentType, int status, string reason)
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var ct = TestContext.Current.CancellationToken;
        var content = new ByteArrayContent(contentType == "application/json" ? "{\"a\": [1, 2], \"b\": [3, 4]}"u8.ToArray() : "a,b\n1,2\n3,4\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal&fileName=run.csv", content, ct);

        var body = await response.Content.ReadAsStringAsync(ct);
        ((int)response.StatusCode).ShouldBe(status, $"{what}: {body}");
        body.ShouldContain(reason, Case.Insensitive);
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(ct))).ShouldBe(0);
        StoredFiles().ShouldBeEmpty();
        (await session.Client.GetAsync("/health", ct)).IsSuccessStatusCode.ShouldBeTrue("the portal is still up");
    }

    private static byte[] Corpus(string file) => file switch
    {
        "empty.csv" => [],
        "invalid-utf8.csv" => [.. "a,b\n1,2\n"u8, 0xC3, 0x28, (byte)',', (byte)'1', (byte)'\n'],
        "nan-everywhere.csv" => Encoding.UTF8.GetBytes("a,b\nNaN,NaN\ninf,-inf\nNaN,Infinity\n"),
        "absurd-shape.npy" => Npy("(1000000000000, 1000000000000)", dataBytes: 16),
        "ten-million-columns.npy" => Npy("(1, 10000000)", dataBytes: 0),
        "truncated.parquet" => [.. "PAR1"u8, .. new byte[100], .. "PAR1"u8],
        "nested.zip" => Zip(("inner.zip", Zip(("a.csv", "a\n1\n"u8.ToArray())))),
        "symlink.zip" => Zip(("link.csv", "/etc/passwd"u8.ToArray()), symlink: true),
        "zip-slip.zip" => Zip(("../../outside.csv", "a\n1\n"u8.ToArray())),
        "bomb.zip" => Zip(("zeros.csv", new byte[32 << 20])),
        "not-a-zip.zip" => [.. "PK\u0003\u0004"u8, .. new byte[200]],
        _ => throw new ArgumentException(file),
    };

    private static byte[] Npy(string shape, int dataBytes)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(117) + "\n";
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8), .. Encoding.ASCII.GetBytes(header), .. new byte[dataBytes]];
    }

    private static byte[] Zip((string Name, byte[] Bytes) entry, bool symlink = false)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var created = zip.CreateEntry(entry.Name, CompressionLevel.SmallestSize);
            if (symlink) created.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777
            using var content = created.Open();
            content.Write(entry.Bytes);
        }
        return stream.ToArray();
    }

    private string[] StoredFiles() =>
        Directory.Exists(Portal.StorageRoot) ? Directory.GetFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories) : [];
}
