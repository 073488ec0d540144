using System.Security.Claims;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Streaming;

public static class ReplayEndpoints
{
    public sealed record ReplayRequest(int RecordingId, double Speed = 1, bool Loop = false);

    /// <summary>
    /// POST /api/assets/{id}/replay {recordingId, speed, loop} plays a stored recording back through the
    /// asset's live scoring at its recorded pace times speed; DELETE stops it.
    /// </summary>
    public static IEndpointRouteBuilder MapReplayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assets/{assetId:int}/replay").RequireAuthorization(PortalPolicies.Engineer);
        group.MapPost("", async (int assetId, ReplayRequest request, ClaimsPrincipal user, ReplayControl replays, CancellationToken ct) =>
        {
            try
            {
                var run = await replays.StartAsync(assetId, request.RecordingId, request.Speed, request.Loop, user.Identity?.Name, ct);
                return Results.Accepted($"/api/assets/{assetId}/replay", View(run));
            }
            catch (StreamRequestException e)
            {
                return Results.Problem(e.Message, statusCode: e.StatusCode, title: "The replay was not started");
            }
        });
        group.MapDelete("", async (int assetId, ReplayControl replays, CancellationToken ct) =>
            await replays.StopAsync(assetId, ct)
                ? Results.NoContent()
                : Results.Problem($"Asset {assetId} has no replay running.", statusCode: 404, title: "Nothing to stop"));
        return app;
    }

    private static object View(StreamRun run) => new
    {
        RunId = run.Id, run.AssetId, run.RecordingId, run.Speed, run.Loop, State = run.State.ToString(),
    };
}
