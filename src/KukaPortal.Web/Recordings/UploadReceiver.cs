using KukaPortal.Data.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Streams an upload to the blob store as it arrives, so a file of gigabytes never sits in memory:
/// either multipart/form-data with one or more files (the browser) or the raw body as one file
/// (scripts, curl --data-binary).
/// </summary>
public sealed class UploadReceiver(BlobStore blobs)
{
    public const string Folder = "uploads";

    public async Task<IReadOnlyList<UploadedFile>> ReceiveAsync(HttpRequest request, string? rawFileName, CancellationToken ct)
    {
        var received = new List<UploadedFile>();
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                await ReceiveMultipartAsync(request, type, received, ct);
            else
                // Without a name a raw body is taken for CSV; NPY, Parquet and zip are recognised by their bytes anyway.
                received.Add(new UploadedFile(SafeName(rawFileName ?? "upload.csv"), await blobs.SaveAsync(request.Body, Folder, "", ct)));
            return received;
        }
        catch
        {
            Discard(received);
            throw;
        }
    }

    public void Discard(IEnumerable<UploadedFile> files)
    {
        foreach (var file in files) blobs.Delete(file.Blob.Key);
    }

    private async Task ReceiveMultipartAsync(HttpRequest request, MediaTypeHeaderValue type, List<UploadedFile> received, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value
            ?? throw new BadHttpRequestException("The multipart upload has no boundary.");
        // MultipartReader caps each file at 128 MB by default; recordings of gigabytes are normal here.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                continue;
            var name = disposition.FileNameStar.Value ?? disposition.FileName.Value;
            received.Add(new UploadedFile(SafeName(name), await blobs.SaveAsync(section.Body, Folder, "", ct)));
        }
        if (received.Count == 0)
            throw new BadHttpRequestException("The upload contains no file.");
    }

    /// <summary>The last path segment only: a name is shown to people and matched on (e.g. KukaNormal.npy), never used as a path.</summary>
    private static string SafeName(string? name)
    {
        var trimmed = (name ?? "").Trim().Trim('"');
        var last = trimmed.Split('/', '\\').LastOrDefault(s => s.Length > 0) ?? "";
        return last.Length == 0 ? "upload" : last[..Math.Min(last.Length, 255)];
    }
}
