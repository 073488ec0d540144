using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Claims jobs from the queue and runs them one at a time (torch work is serialised on one thread
/// anyway). A failure ends that job in the Failed state with its message and the loop goes on; on
/// shutdown a running job keeps its state and is taken over when its lease runs out.
/// </summary>
public sealed class JobWorker(
    JobStore jobs, JobSignal signal, IEnumerable<IJobHandler> handlers, MonitoringNotifier notifier,
    IOptions<WorkerOptions> options, TimeProvider time, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Dictionary<JobKind, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Job worker {WorkerId} started", _workerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            Job? job;
            try
            {
                job = await jobs.ClaimNextAsync(_workerId, settings.Lease, settings.MaxAttempts, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not claim a job; trying again shortly");
                await Task.Delay(settings.PollInterval, stoppingToken);
                continue;
            }

            if (job is null)
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            else
                await RunAsync(job, settings, stoppingToken);
        }
    }

    private async Task RunAsync(Job job, WorkerOptions settings, CancellationToken stoppingToken)
    {
        logger.LogInformation("Running {Kind} job {JobId} (attempt {Attempt})", job.Kind, job.Id, job.Attempts);
        var reporter = new JobProgressReporter(job, _workerId, jobs, notifier, settings.Lease, time);
        try
        {
            await _handlers[job.Kind].RunAsync(job, reporter, stoppingToken);
            logger.LogInformation("{Kind} job {JobId} succeeded", job.Kind, job.Id);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopping during job {JobId}; it will be resumed when its lease expires", job.Id);
        }
        catch (Exception e)
        {
            var message = e is JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            logger.LogError(e, "{Kind} job {JobId} failed", job.Kind, job.Id);
            await RecordFailureAsync(job, message);
        }
    }

    private async Task RecordFailureAsync(Job job, string message)
    {
        try
        {
            await jobs.FailAsync(job.Id, message, CancellationToken.None);
            job.State = JobState.Failed;
            job.Message = message;
            await notifier.JobProgressAsync(job);
        }
        catch (Exception e)
        {
            // Typically the database is down too. The job keeps its lease until it expires and is then
            // retried; the worker itself must live on.
            logger.LogError(e, "Could not record the failure of job {JobId}; it will be retried after its lease expires", job.Id);
        }
    }
}
