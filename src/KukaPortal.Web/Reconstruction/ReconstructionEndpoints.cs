namespace KukaPortal.Web.Reconstruction;

/// <summary>A stored window's input and reconstruction, for every signed-in user (the fallback policy).</summary>
public static class ReconstructionEndpoints
{
    public static IEndpointRouteBuilder MapReconstructionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/assets/{assetId:int}/runs/{runId:guid}/windows/{windowIndex:int}/reconstruction",
            async (int assetId, Guid runId, int windowIndex, WindowReconstructor reconstructor, CancellationToken ct) =>
            {
                try
                {
                    return await reconstructor.ReconstructAsync(assetId, runId, windowIndex, ct) is { } view
                        ? Results.Ok(view)
                        : Results.Problem($"Asset {assetId} has no stored window {windowIndex} in run {runId}.", statusCode: StatusCodes.Status404NotFound);
                }
                catch (ReconstructionUnavailableException e)
                {
                    return Results.Problem(title: "This window cannot be reconstructed.", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
                }
            })
            .RequireAuthorization();
        return app;
    }
}
