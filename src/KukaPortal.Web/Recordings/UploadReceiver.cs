using KukaPortal.Data.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// Streams an upload to the blob store as it arrives, so a file of gigabytes never sits in memory:
/// either multipart/form-data with one or more files (the browser) or the raw body as one file
/// (scripts, curl --data-binary). A raw body declared as something no recording or image set is (an image, JSON, HTML)
/// is refused with 415 before a byte is stored: the sender picked the wrong endpoint or the wrong file.
/// </summary>
public sealed class UploadReceiver(BlobStore blobs)
{
    public const string Folder = "uploads";

    /// <summary>
    /// Declared types a raw body may have: the formats' own, the generic ones, and none. curl --data-binary declares
    /// application/x-www-form-urlencoded unless told otherwise, and .NET's StringContent text/plain.
    /// </summary>
    private static readonly HashSet<string> RawMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream", "text/csv", "text/plain", "text/tab-separated-values", "application/zip",
        "application/x-zip-compressed", "application/vnd.apache.parquet", "application/x-parquet", "application/x-npy",
        "application/x-www-form-urlencoded",
    };

    public async Task<IReadOnlyList<UploadedFile>> ReceiveAsync(HttpRequest request, string? rawFileName, CancellationToken ct)
    {
        var received = new List<UploadedFile>();
        try
        {
            var declared = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value : null;
            if ("multipart/form-data".Equals(declared, StringComparison.OrdinalIgnoreCase))
                await ReceiveMultipartAsync(request, type!, received, ct);
            else if (declared is null || RawMediaTypes.Contains(declared))
                // Without a name a raw body is taken for CSV; NPY, Parquet and zip are recognised by their bytes anyway.
                received.Add(new UploadedFile(SafeName(rawFileName ?? "upload.csv"), await blobs.SaveAsync(request.Body, Folder, "", ct)));
            else
                throw new BadHttpRequestException(
                    $"The body is declared as '{declared}', which is not a recording or an image set. Send CSV, TSV, NPY, Parquet or a zip of them " +
                    "(an inspection station: a zip of PNG, JPEG or BMP images) as the raw body with Content-Type application/octet-stream, text/csv " +
                    "or application/zip, or as multipart/form-data. Nothing was stored.",
                    StatusCodes.Status415UnsupportedMediaType);
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
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                    continue;
                var name = disposition.FileNameStar.Value ?? disposition.FileName.Value;
                received.Add(new UploadedFile(SafeName(name), await blobs.SaveAsync(section.Body, Folder, "", ct)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not StorageFullException and not BadHttpRequestException)
        {
            // The reader's words ("Unexpected end of Stream", "Line length limit exceeded") say what is wrong with the body.
            throw new BadHttpRequestException($"The body is declared as multipart/form-data but could not be read as such: {e.Message} Nothing was stored.");
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
