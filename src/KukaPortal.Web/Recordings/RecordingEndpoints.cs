using System.Security.Claims;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Validation;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Recordings;

public static class RecordingEndpoints
{
    /// <summary>
    /// POST /api/assets/{id}/recordings — files as multipart/form-data (the browser), or one file as the
    /// raw body with ?fileName= (scripts). Streamed to disk as they arrive, with no size limit; all
    /// files of one upload are accepted together or not at all. Query: purpose=normal|scoring,
    /// delimiter, timestampColumn, labelColumn, excludeColumns (comma-separated), missing=reject|interpolate|dropRows;
    /// for an inspection station's image set (one .zip): size (32…1024, a power of two; default 128),
    /// colour=auto|grey|rgb (auto: grey when every image is grey, else RGB), fit=pad|stretch|centerCrop.
    /// With stage=validate nothing is stored yet: the reports come back with an uploadId to confirm or discard
    /// (see <see cref="StagedUploadEndpoints"/>); without it, an accepted upload is stored at once (scripts).
    /// </summary>
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assets/{assetId:int}/recordings", async (
                int assetId, string? fileName, HttpRequest request, ClaimsPrincipal user,
                UploadReceiver receiver, RecordingImporter importer, StagedUploads staging, CancellationToken ct) =>
            {
                if (ParseRequest(request.Query) is not { } import)
                    return Results.Problem(Usage, statusCode: 400, title: "Unknown upload option");
                IReadOnlyList<UploadedFile> files;
                try
                {
                    files = await receiver.ReceiveAsync(request, fileName, ct);
                }
                catch (BadHttpRequestException e)
                {
                    return Results.Problem(e.Message, statusCode: e.StatusCode, title: "The upload could not be received");
                }
                if (request.Query["stage"].FirstOrDefault() == "validate")
                    return await StagedUploadEndpoints.StageAsync(assetId, files, import, user.Identity?.Name, receiver, importer, staging, ct);
                var outcome = await importer.ImportAsync(assetId, files, import, user.Identity?.Name, ct);
                return outcome.Succeeded ? Results.Ok(Accepted(outcome)) : Rejected(outcome);
            })
            .RequireAuthorization(PortalPolicies.Engineer)
            .DisableAntiforgery()
            .AddEndpointFilter<StorageFullFilter>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        app.MapStagedUploadEndpoints();
        return app;
    }

    private const string Usage = "Use purpose=normal|scoring and missing=reject|interpolate|dropRows; delimiter is one character or 'tab'; " +
        "for image sets size is a power of two from 32 to 1024, colour=auto|grey|rgb and fit=pad|stretch|centerCrop.";

    private static ImportRequest? ParseRequest(IQueryCollection query)
    {
        if (!Enum.TryParse<RecordingPurpose>(query["purpose"].FirstOrDefault() ?? "normal", ignoreCase: true, out var purpose) ||
            !Enum.TryParse<MissingValuePolicy>(query["missing"].FirstOrDefault() ?? "reject", ignoreCase: true, out var missing))
            return null;
        var delimiter = query["delimiter"].FirstOrDefault();
        if (delimiter is { Length: > 1 } and not "tab") return null;
        if (ParseImageOptions(query) is not { } images) return null;
        return new ImportRequest(purpose, new RecordingReadOptions
        {
            Delimiter = delimiter switch { null or "" => null, "tab" => '\t', _ => delimiter[0] },
            TimestampColumn = query["timestampColumn"].FirstOrDefault(),
            LabelColumn = query["labelColumn"].FirstOrDefault(),
            ExcludeColumns = (query["excludeColumns"].FirstOrDefault() ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase),
        }, missing, images);
    }

    private static ImageImportOptions? ParseImageOptions(IQueryCollection query)
    {
        var size = ImageImportOptions.Default.Size;
        if (query["size"].FirstOrDefault() is { } sizeText && (!int.TryParse(sizeText, out size) || !ImageImportOptions.IsValidSize(size)))
            return null;
        if (!Enum.TryParse<ImageColour>(query["colour"].FirstOrDefault() ?? "auto", ignoreCase: true, out var colour) ||
            !Enum.TryParse<Core.Images.ImageFit>(query["fit"].FirstOrDefault() ?? "pad", ignoreCase: true, out var fit) ||
            !Enum.IsDefined(colour) || !Enum.IsDefined(fit))
            return null;
        return new ImageImportOptions(size, colour, fit);
    }

    internal static object Accepted(ImportOutcome outcome) => new
    {
        Recordings = outcome.Recordings.Select(r => new
        {
            r.Id, Name = r.FileName, r.Format, Purpose = r.Purpose.ToString().ToLowerInvariant(), r.Rows,
            Channels = r.Channels.Length, r.AnomalousRows, r.Sha256,
        }),
        outcome.Reports,
        outcome.Skipped,
    };

    internal static IResult Rejected(ImportOutcome outcome) => Results.Problem(
        detail: string.Join(" ", outcome.Problems),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The upload was rejected; nothing was stored",
        extensions: new Dictionary<string, object?> { ["reports"] = outcome.Reports, ["skipped"] = outcome.Skipped });
}
