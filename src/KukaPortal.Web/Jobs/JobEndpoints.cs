using System.Security.Claims;
using KukaPortal.Web.Auth;

namespace KukaPortal.Web.Jobs;

public static class JobEndpoints
{
    public sealed record JobRequest(int RecordingId);

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assets/{assetId:int}/jobs").RequireAuthorization(PortalPolicies.Engineer);
        group.MapPost("/train", (int assetId, JobRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct) =>
            Enqueue(() => scheduler.TrainAsync(assetId, request.RecordingId, user.Identity?.Name, ct)));
        group.MapPost("/score", (int assetId, JobRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct) =>
            Enqueue(() => scheduler.ScoreAsync(assetId, request.RecordingId, user.Identity?.Name, ct)));
        app.MapGet("/api/jobs/{jobId:guid}", async (Guid jobId, Data.Jobs.JobStore jobs, CancellationToken ct) =>
            await jobs.FindAsync(jobId, ct) is { } job
                ? Results.Ok(new { job.Id, Kind = job.Kind.ToString(), State = job.State.ToString(), job.Progress, job.Message, job.Error, job.ModelId })
                : Results.NotFound());
        return app;
    }

    private static async Task<IResult> Enqueue(Func<Task<Data.Entities.Job>> enqueue)
    {
        try
        {
            var job = await enqueue();
            return Results.Accepted($"/api/jobs/{job.Id}", new { job.Id, State = job.State.ToString() });
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(e.Message, statusCode: 409);
        }
    }
}
