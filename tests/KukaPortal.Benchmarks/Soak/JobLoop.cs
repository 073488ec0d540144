using KukaPortal.Benchmarks.Harness;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>
/// Keeps one job of a kind queued or running: queues it through the job API, waits for it to end and
/// queues the next. At the stop signal the job in flight is cancelled through the API, so the soak ends on time.
/// </summary>
public sealed class JobLoop(BenchAssets assets, HttpClient client, string kind, Func<Task<Guid>> queue, SoakErrors errors)
{
    public int Completed { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var jobId = await queue();
            JobView job;
            try
            {
                job = await assets.WaitAsync(jobId, ct);
            }
            catch (OperationCanceledException)
            {
                using var cancel = await client.PostAsync($"/api/jobs/{jobId}/cancel", null, CancellationToken.None);
                job = await assets.WaitAsync(jobId, CancellationToken.None);
            }
            if (job.State == "Succeeded") Completed++;
            else if (job.State == "Failed") errors.Add(SoakErrors.FailedJob, $"{kind} job {jobId}: {job.Error}");
        }
    }
}
