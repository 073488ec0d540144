using System.Net;
using KukaPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.IntegrationTests.Reliability;

/// <summary>An upload whose sender goes away half way leaves nothing: no partial file, no recording row, no job.</summary>
public class BrokenUploadTests(PortalFactory portal) : PortalTest(portal)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_that_breaks_mid_upload_leaves_no_partial_file_and_no_row(bool multipart)
    {
        using var session = await SignInAsAdminAsync();
        var assetId = await CreateAssetAsync();
        var ct = TestContext.Current.CancellationToken;
        // Declares 2 GB, sends 3 MB of a valid CSV, then the connection drops.
        HttpContent body = new BrokenContent(declaredBytes: 2L << 30, sentBytes: 3 << 20);
        if (multipart)
            body = new MultipartFormDataContent { { body, "files", "big.csv" } };

        HttpResponseMessage? response = null;
        // The in-memory test server never answers a request whose client aborted; the sender gives up after 5 s.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        giveUp.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            response = await session.Client.PostAsync($"/api/assets/{assetId}/recordings?purpose=normal&fileName=big.csv", body, giveUp.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // The sender saw its own connection fail; what matters is what the portal kept.
        }

        if (response is not null) response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(() => StoredFiles().Length == 0, TimeSpan.FromSeconds(10), "the partial upload to be deleted");
        (await Portal.WithDbAsync(db => db.Recordings.CountAsync(ct))).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Jobs.CountAsync(ct))).ShouldBe(0);
        (await session.Client.GetAsync("/health", ct)).IsSuccessStatusCode.ShouldBeTrue();
    }

    private string[] StoredFiles() =>
        Directory.Exists(Portal.StorageRoot) ? Directory.GetFiles(Portal.StorageRoot, "*", SearchOption.AllDirectories) : [];

    /// <summary>Streams CSV rows, then fails the way a dropped connection fails the sender's stream.</summary>
    private sealed class BrokenContent : HttpContent
    {
        private readonly long _sent;

        public BrokenContent(long declaredBytes, long sentBytes)
        {
            _sent = sentBytes;
            Headers.ContentLength = declaredBytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var row = "1.5,2.5,3.5\n"u8.ToArray();
            await stream.WriteAsync("a,b,c\n"u8.ToArray());
            for (long written = 0; written < _sent; written += row.Length)
                await stream.WriteAsync(row);
            await stream.FlushAsync();
            throw new IOException("The connection was reset by the peer.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}
