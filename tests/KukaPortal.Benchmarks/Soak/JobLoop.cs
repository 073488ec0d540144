using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>
/// Keeps one job of a kind queued or running: queues it through the job API, waits for it to end and
/// queues the next. At the soak's end the job in flight is cancelled through the API, so the soak stops on time.
/// </summary>
public sealed class JobLoop(PortalSession session, string kind, Func<Task<Guid>> queue, SoakErrors errors)
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromMinutes(1);

    public int Completed { get; private set; }

    public async Task RunAsync(DateTimeOffset end)
    {
        while (DateTimeOffset.UtcNow < end)
        {
            var jobId = await queue();
            PortalApi.JobView job;
            try
            {
                job = await PortalApi.WaitForJobAsync(session, jobId, end - DateTimeOffset.UtcNow);
            }
            catch (TimeoutException)
            {
                using var cancel = await session.Client.PostAsync($"/api/jobs/{jobId}/cancel", null);
                job = await PortalApi.WaitForJobAsync(session, jobId, CancelGrace);
            }
            if (job.State == "Succeeded") Completed++;
            else if (job.State == "Failed") errors.Add(SoakErrors.FailedJob, $"{kind} job {jobId}: {job.Error}");
        }
    }
}
