using System.Security.Claims;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Recordings;

public static class RecordingEndpoints
{
    /// <summary>
    /// POST /api/assets/{id}/recordings?purpose=normal|scoring — files as multipart/form-data (the
    /// browser), or one file as the raw body with ?fileName= (scripts). Streamed to disk as they
    /// arrive, with no size limit; all files of one upload are accepted together or not at all.
    /// </summary>
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assets/{assetId:int}/recordings", async (
                int assetId, string? purpose, string? fileName, HttpRequest request, ClaimsPrincipal user,
                UploadReceiver receiver, RecordingImporter importer, CancellationToken ct) =>
            {
                if (!Enum.TryParse<RecordingPurpose>(purpose ?? "normal", ignoreCase: true, out var parsedPurpose))
                    return Results.Problem($"Unknown purpose '{purpose}'; use 'normal' or 'scoring'.", statusCode: 400);
                var files = await receiver.ReceiveAsync(request, fileName, ct);
                var outcome = await importer.ImportAsync(assetId, files, parsedPurpose, user.Identity?.Name, ct);
                return outcome.Succeeded
                    ? Results.Ok(new { Recordings = outcome.Recordings.Select(r => new { r.Id, Name = r.FileName, r.Rows, Channels = r.Channels.Length, r.Sha256 }) })
                    : Results.Problem(string.Join(" ", outcome.Problems), statusCode: 422, title: "The upload was rejected; nothing was stored",
                        extensions: new Dictionary<string, object?> { ["files"] = outcome.Problems });
            })
            .RequireAuthorization(PortalPolicies.Engineer)
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        return app;
    }
}
