using System.Security.Claims;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Recordings;

public static class RecordingEndpoints
{
    /// <summary>
    /// POST /api/assets/{id}/recordings?purpose=normal|scoring with the file as the raw body (streamed
    /// to disk, never buffered whole) — for scripts, historians and large files.
    /// </summary>
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assets/{assetId:int}/recordings", async (
                int assetId, string? purpose, string? fileName, HttpRequest request, ClaimsPrincipal user,
                RecordingImporter importer, CancellationToken ct) =>
            {
                if (!Enum.TryParse<RecordingPurpose>(purpose ?? "normal", ignoreCase: true, out var parsedPurpose))
                    return Results.Problem($"Unknown purpose '{purpose}'; use 'normal' or 'scoring'.", statusCode: 400);
                var result = await importer.ImportAsync(assetId, fileName ?? "upload.csv", request.Body, parsedPurpose, user.Identity?.Name, ct);
                return result.Succeeded
                    ? Results.Ok(new { result.Recording!.Id, result.Recording.Rows, Channels = result.Recording.Channels.Length, result.Recording.Sha256 })
                    : Results.Problem(result.Error, statusCode: 422, title: "The recording was rejected");
            })
            .RequireAuthorization(PortalPolicies.Engineer)
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        return app;
    }
}
