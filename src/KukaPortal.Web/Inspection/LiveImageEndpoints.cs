using KukaPortal.Data.Storage;
using KukaPortal.Web.Ingest;
using KukaPortal.Web.Recordings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Inspection;

public static class LiveImageEndpoints
{
    /// <summary>Optional header naming the image (the <c>name</c> query parameter does the same).</summary>
    public const string NameHeader = "X-Image-Name";

    private static readonly string[] ImageMediaTypes = ["image/png", "image/jpeg", "image/bmp"];

    /// <summary>Longest image name kept (the <c>inspection_images.name</c> column).</summary>
    private const int MaxNameLength = 1000;

    /// <summary>
    /// POST /api/assets/{id}/images — one picture from an inspection station, authenticated with the asset's API key
    /// in X-Api-Key: the raw file (Content-Type image/png, image/jpeg or image/bmp; name in <c>?name=</c> or X-Image-Name)
    /// or multipart/form-data with one file. 200 with the stored window's score and verdict once it is stored and pushed.
    /// Refusals are ProblemDetails and store nothing: 404 unknown asset, 401/403 key, 409 not a station or no model,
    /// 413 too large, 415 not an image, 400 empty, damaged or badly named, 507 the server's disk is full.
    /// </summary>
    public static IEndpointRouteBuilder MapLiveImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assets/{assetId:int}/images", async (
                int assetId, HttpRequest request, LiveImageScorer scorer, IOptions<LiveImageOptions> options, CancellationToken ct) =>
            {
                try
                {
                    var (file, fileName) = await ReadImageAsync(request, options.Value.MaxImageBytes, ct);
                    var name = Name(request.Query["name"].FirstOrDefault() ?? request.Headers[NameHeader].FirstOrDefault() ?? fileName);
                    return Results.Ok(await scorer.ScoreAsync(assetId, file, name, label: null, ct));
                }
                catch (LiveImageRejectedException e)
                {
                    return Refused(e.StatusCode, e.Title, e.Message);
                }
                catch (BadHttpRequestException e)
                {
                    return Refused(e.StatusCode, "The request could not be read", e.Message);
                }
                catch (Exception e) when (e is not (OperationCanceledException or StorageFullException))
                {
                    // Logged by the scorer; the kept file is gone again.
                    return Results.Problem("The image could not be scored or stored; nothing was stored. Send it again later.",
                        statusCode: 500, title: "Scoring failed");
                }
            })
            .RequireAssetApiKey()
            .AddEndpointFilter<StorageFullFilter>();
        return app;
    }

    private static IResult Refused(int status, string title, string detail) =>
        Results.Problem($"{detail} Nothing was stored.", statusCode: status, title: title);

    /// <summary>The file's bytes and the name a multipart part gave it.</summary>
    private static async Task<(byte[] File, string? Name)> ReadImageAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        // Room for the limit plus a multipart envelope, also where the limit is above the server's default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 64 * 1024;

        var media = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        byte[]? file;
        string? name = null;
        if (media == "multipart/form-data")
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
            {
                // A body declared multipart that is not ("Unexpected end of Stream": its boundary never comes).
                throw new LiveImageRejectedException(400, "Unreadable multipart body", $"The body is declared as multipart/form-data but could not be read as such: {e.Message}");
            }
            if (form.Files.Count != 1)
                throw new LiveImageRejectedException(400, "One file expected", $"Send exactly one file in the multipart body; it held {form.Files.Count}.");
            var part = form.Files[0];
            file = part.Length > maxBytes ? null : await ReadPartAsync(part, ct);
            name = part.FileName;
        }
        else if (ImageMediaTypes.Contains(media))
        {
            file = await BoundedBody.ReadAsync(request, maxBytes, ct);
        }
        else
        {
            throw new LiveImageRejectedException(415, "Unsupported content type",
                $"Send the image as the raw body with Content-Type image/png, image/jpeg or image/bmp, or as multipart/form-data with one file; got '{media}'.");
        }

        if (file is null)
            throw new LiveImageRejectedException(413, "Image too large", $"The image is larger than {maxBytes} bytes (LiveImages:MaxImageBytes).");
        if (file.Length == 0)
            throw new LiveImageRejectedException(400, "Empty image", "The body holds no image file.");
        return (file, name);
    }

    private static async Task<byte[]> ReadPartAsync(IFormFile part, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)part.Length);
        await using var stream = part.OpenReadStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static string? Name(string? requested) => requested?.Trim() switch
    {
        null or "" => null,
        { Length: > MaxNameLength } => throw new LiveImageRejectedException(400, "Name too long", $"An image name may have at most {MaxNameLength} characters."),
        var name => name,
    };
}
