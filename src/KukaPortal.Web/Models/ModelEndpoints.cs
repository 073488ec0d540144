using System.Security.Claims;
using KukaPortal.Data.Models;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Models;

/// <summary>
/// The models API: list (Review), promote and roll back (Engineer, audited), what-if replays (Engineer to
/// start, Review to read). Refusals come back as ProblemDetails with a sentence saying why.
/// </summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assets/{assetId:int}/models");
        group.MapGet("", async (int assetId, ModelsReader reader, CancellationToken ct) =>
                await reader.ReadAsync(assetId, ct) is { } models ? Results.Ok(models) : Results.Problem($"There is no asset {assetId}.", statusCode: 404))
            .RequireAuthorization(PortalPolicies.Review);
        group.MapPost("/{modelId:int}/promote", (int assetId, int modelId, ClaimsPrincipal user, ModelLifecycle lifecycle, CancellationToken ct) =>
                Switch(() => lifecycle.PromoteAsync(assetId, modelId, UserName(user), ct)))
            .RequireAuthorization(PortalPolicies.Engineer);
        group.MapPost("/rollback", (int assetId, ClaimsPrincipal user, ModelLifecycle lifecycle, CancellationToken ct) =>
                Switch(() => lifecycle.RollBackAsync(assetId, UserName(user), ct)))
            .RequireAuthorization(PortalPolicies.Engineer);
        group.MapPost("/{modelId:int}/what-if", async (int assetId, int modelId, ClaimsPrincipal user, WhatIfScheduler scheduler, CancellationToken ct) =>
            {
                try
                {
                    var job = await scheduler.QueueAsync(assetId, modelId, user.Identity?.Name, ct);
                    return Results.Accepted($"/api/assets/{assetId}/models/what-if/{job.Id}", new { job.Id, State = job.State.ToString() });
                }
                catch (ModelChangeException e) { return Problem(e); }
                catch (InvalidOperationException e) { return Results.Problem(title: "A what-if replay cannot run.", detail: e.Message, statusCode: 409); }
            })
            .RequireAuthorization(PortalPolicies.Engineer);
        group.MapGet("/what-if/{jobId:guid}", async (int assetId, Guid jobId, ModelsReader reader, CancellationToken ct) =>
                await reader.WhatIfAsync(assetId, jobId, ct) is { } view ? Results.Ok(view) : Results.Problem($"Asset {assetId} has no what-if replay {jobId}.", statusCode: 404))
            .RequireAuthorization(PortalPolicies.Review);
        return app;
    }

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static async Task<IResult> Switch(Func<Task<ModelSwitch>> change)
    {
        try
        {
            var done = await change();
            return Results.Ok(new
            {
                done.AssetId,
                ActiveModelId = done.Active.Id, ActiveVersion = done.Active.Version,
                ReplacedModelId = done.Replaced?.Id, ReplacedVersion = done.Replaced?.Version,
            });
        }
        catch (ModelChangeException e) { return Problem(e); }
    }

    private static IResult Problem(ModelChangeException e) => e.Problem switch
    {
        ModelChangeProblem.AssetNotFound or ModelChangeProblem.ModelNotFound => Results.Problem(title: "Not found.", detail: e.Message, statusCode: 404),
        _ => Results.Problem(title: "The active model cannot change that way.", detail: e.Message, statusCode: 409),
    };
}
