using KukaPortal.Web.Reconstruction;
using Microsoft.Net.Http.Headers;

namespace KukaPortal.Web.Inspection;

/// <summary>
/// The inspection view's pictures as PNGs for <c>&lt;img src&gt;</c>, for every signed-in user (the fallback policy,
/// as the reconstruction endpoint). A scored image's pictures never change, so the browser may keep them for good.
/// </summary>
public static class InspectionPictureEndpoints
{
    public static IEndpointRouteBuilder MapInspectionPictureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/assets/{assetId:int}/inspection/{runId:guid}/{windowIndex:int}/{panel}.png",
            async (int assetId, Guid runId, int windowIndex, string panel, HttpContext http, InspectionPictureRenderer renderer, CancellationToken ct) =>
            {
                if (!Enum.TryParse<InspectionPanel>(panel, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(panel, out _))
                    return Results.Problem($"Unknown picture '{panel}': choose input, reconstruction, heatmap, mask or thumbnail.", statusCode: StatusCodes.Status404NotFound);

                // The same image and panel is always the same picture, so its address is its version.
                var etag = $"\"{runId:N}-{windowIndex}-{which.ToString().ToLowerInvariant()}\"";
                if (http.Request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
                try
                {
                    var pictures = await renderer.RenderAsync(assetId, runId, windowIndex, ct);
                    if (pictures is null)
                        return Results.Problem($"Asset {assetId} has no scored image {windowIndex} in run {runId}.", statusCode: StatusCodes.Status404NotFound);
                    if (pictures.Of(which) is not { } png)
                        return Results.Problem($"Image {windowIndex} of run {runId} has no ground-truth mask: only images of an uploaded set with masks have one.", statusCode: StatusCodes.Status404NotFound);

                    http.Response.Headers.ETag = etag;
                    // Private: the pictures are behind sign-in, so no shared cache may keep them.
                    http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
                    return Results.File(png, "image/png");
                }
                catch (ReconstructionUnavailableException e)
                {
                    return Results.Problem(title: "This image cannot be explained.", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
                }
            })
            .RequireAuthorization();
        return app;
    }
}
