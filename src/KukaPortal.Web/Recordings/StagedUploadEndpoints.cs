using System.Security.Claims;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Recordings;

/// <summary>
/// The second step of a staged upload (POST …/recordings?stage=validate): confirm stores it as a one-step upload
/// would have; discard deletes the received files. Only the engineer who staged it may do either.
/// </summary>
public static class StagedUploadEndpoints
{
    public static IEndpointRouteBuilder MapStagedUploadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assets/{assetId:int}/recordings/staged/{uploadId:guid}/confirm",
                async (int assetId, Guid uploadId, ClaimsPrincipal user, StagedUploads staging, CancellationToken ct) =>
                    await staging.ConfirmAsync(uploadId, assetId, user.Identity?.Name, ct) switch
                    {
                        null => NotStaged(uploadId),
                        { Succeeded: true } outcome => Results.Ok(RecordingEndpoints.Accepted(outcome)),
                        var outcome => RecordingEndpoints.Rejected(outcome),
                    })
            .RequireAuthorization(PortalPolicies.Engineer)
            .DisableAntiforgery()
            .AddEndpointFilter<StorageFullFilter>();
        app.MapDelete("/api/assets/{assetId:int}/recordings/staged/{uploadId:guid}",
                (int assetId, Guid uploadId, ClaimsPrincipal user, StagedUploads staging) =>
                    staging.Discard(uploadId, assetId, user.Identity?.Name) ? Results.NoContent() : NotStaged(uploadId))
            .RequireAuthorization(PortalPolicies.Engineer)
            .DisableAntiforgery();
        return app;
    }

    /// <summary>Validates received files; an acceptable upload is staged (200 with its uploadId), a rejected one discarded (422).</summary>
    internal static async Task<IResult> StageAsync(int assetId, IReadOnlyList<UploadedFile> files, ImportRequest import, string? user,
        UploadReceiver receiver, RecordingImporter importer, StagedUploads staging, CancellationToken ct)
    {
        try
        {
            var (rejection, reports, skipped) = await importer.ValidateAsync(assetId, files, import, ct);
            if (rejection is not null)
            {
                receiver.Discard(files);
                return RecordingEndpoints.Rejected(rejection);
            }
            var staged = staging.Stage(assetId, user, files, import, reports, skipped);
            return Results.Ok(new { UploadId = staged.Id, staged.ExpiresAt, Reports = reports, Skipped = skipped });
        }
        catch
        {
            receiver.Discard(files);
            throw;
        }
    }

    private static IResult NotStaged(Guid uploadId) => Results.Problem(
        $"There is no staged upload {uploadId} of yours for this asset: it was confirmed or discarded already, or expired after {StagedUploads.Lifetime.TotalMinutes:0} minutes. Upload the files again.",
        statusCode: 404, title: "No such staged upload");
}
