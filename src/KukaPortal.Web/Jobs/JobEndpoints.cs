using System.Security.Claims;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Web.Auth;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Training;

namespace KukaPortal.Web.Jobs;

public static class JobEndpoints
{
    public sealed record JobRequest(int RecordingId);

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assets/{assetId:int}/jobs").RequireAuthorization(PortalPolicies.Engineer);
        group.MapPost("/train", (int assetId, TrainingRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct) =>
            TrainAsync(assetId, request, user, scheduler, ct));
        group.MapPost("/score", (int assetId, JobRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct) =>
            Enqueue(() => scheduler.ScoreAsync(assetId, request.RecordingId, user.Identity?.Name, ct)));
        group.MapPost("/train-images", async (int assetId, ImageTrainingRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct) =>
        {
            try
            {
                var (job, parameters) = await scheduler.TrainImagesAsync(assetId, request, user.Identity?.Name, ct);
                return Results.Accepted($"/api/jobs/{job.Id}", new { job.Id, State = job.State.ToString(), Parameters = parameters });
            }
            catch (TrainingRequestException e)
            {
                return Results.Problem(e.Message, statusCode: e.StatusCode);
            }
        });
        group.MapPost("/score-images", (int assetId, JobRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct) =>
            Enqueue(() => scheduler.ScoreImagesAsync(assetId, request.RecordingId, user.Identity?.Name, ct)));
        app.MapGet("/api/jobs/{jobId:guid}", async (Guid jobId, JobStore jobs, CancellationToken ct) =>
            await jobs.FindAsync(jobId, ct) is { } job ? Results.Ok(View(job)) : Results.NotFound());
        // Cancels a queued job at once; a running one stops at its next step (202: look again shortly).
        app.MapPost("/api/jobs/{jobId:guid}/cancel", async (Guid jobId, JobStore jobs, MonitoringNotifier notifier, CancellationToken ct) =>
            {
                var job = await jobs.RequestCancelAsync(jobId, ct);
                if (job is null) return Results.NotFound();
                if (job.State is JobState.Succeeded or JobState.Failed)
                    return Results.Problem($"The job already ended ({job.State}); there is nothing to cancel.", statusCode: 409);
                await notifier.JobProgressAsync(job);
                return job.State == JobState.Cancelled ? Results.Ok(View(job)) : Results.Accepted($"/api/jobs/{job.Id}", View(job));
            })
            .RequireAuthorization(PortalPolicies.Engineer);
        return app;
    }

    private static object View(Job job) => new
    {
        job.Id, Kind = job.Kind.ToString(), State = job.State.ToString(), job.Progress, job.Message, job.Error, job.ModelId,
        job.Attempts, job.CancelRequested, job.NotBefore,
    };

    /// <summary>Accepts the full training request, or the older <c>{ recordingId }</c>; says what retraining from feedback added.</summary>
    private static async Task<IResult> TrainAsync(int assetId, TrainingRequest request, ClaimsPrincipal user, JobScheduler scheduler, CancellationToken ct)
    {
        try
        {
            var (job, plan) = await scheduler.TrainAsync(assetId, request, user.Identity?.Name, ct);
            return Results.Accepted($"/api/jobs/{job.Id}", new
            {
                job.Id, State = job.State.ToString(), plan.Parameters,
                FalseAlarmsAdded = plan.Feedback.Segments.Count, FalseAlarmsSkipped = plan.Feedback.Skipped.Count, SkippedBecause = plan.Feedback.Skipped,
            });
        }
        catch (TrainingRequestException e)
        {
            return Results.Problem(e.Message, statusCode: e.StatusCode);
        }
    }

    private static async Task<IResult> Enqueue(Func<Task<Job>> enqueue)
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
