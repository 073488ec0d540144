using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Ml.Runtime;
using KukaPortal.Web.Monitoring;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Claims jobs of one lane from the queue and runs them one at a time; each node runs one worker per
/// lane (training, scoring), and the torch thread's priorities keep scoring ahead of training. A failed
/// attempt is retried after an exponential back-off, up to <see cref="WorkerOptions.MaxAttempts"/>, and
/// then ends Failed with its error; a <see cref="JobFailedException"/> (the request itself cannot work)
/// fails at once. On shutdown a running job is handed back to the queue.
/// </summary>
public sealed class JobWorker(
    string lane, IReadOnlyList<JobKind> kinds,
    JobStore jobs, JobSignal signal, IEnumerable<IJobHandler> handlers, MonitoringNotifier notifier,
    IOptions<WorkerOptions> options, TimeProvider time, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName}/{Environment.ProcessId}/{lane}/{Guid.NewGuid():N}";
    private readonly Dictionary<JobKind, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Job worker {WorkerId} started for {Kinds}", _workerId, string.Join(", ", kinds));
        while (!stoppingToken.IsCancellationRequested)
        {
            Job? job;
            try
            {
                job = await jobs.ClaimNextAsync(_workerId, kinds, settings.Lease, settings.MaxAttempts, stoppingToken);
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
        await using var lease = new JobLease(job, _workerId, jobs, settings.Lease, time, logger, stoppingToken);
        var reporter = new JobProgressReporter(lease, jobs, notifier, time);
        try
        {
            await _handlers[job.Kind].RunAsync(job, reporter, lease.Token);
            logger.LogInformation("{Kind} job {JobId} succeeded", job.Kind, job.Id);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
        {
            await EndInterruptedAsync(lease, stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Kind} job {JobId} failed (attempt {Attempt})", job.Kind, job.Id, job.Attempts);
            await RecordFailureAsync(job, e, settings);
        }
        finally
        {
            // What the job's tensors freed stays in malloc's arenas otherwise, and RSS climbs job after job (NativeHeap).
            NativeHeap.ReturnFreedMemory();
        }
    }

    private async Task EndInterruptedAsync(JobLease lease, CancellationToken stoppingToken)
    {
        var job = lease.Job;
        if (lease.Lost)
        {
            logger.LogWarning("Lost the lease of job {JobId}; another worker has it now", job.Id);
            return;
        }
        await RecordAsync(job, async () =>
        {
            if (lease.CancelRequested)
            {
                await jobs.CancelledAsync(job.Id, by: null, CancellationToken.None);
                job.State = JobState.Cancelled;
                job.Message = "Cancelled";
                logger.LogInformation("{Kind} job {JobId} cancelled", job.Kind, job.Id);
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                await jobs.ReleaseAsync(job.Id, _workerId, CancellationToken.None);
                job.State = JobState.Queued;
                logger.LogInformation("Stopping during job {JobId}; it goes back to the queue", job.Id);
            }
        });
    }

    private Task RecordFailureAsync(Job job, Exception e, WorkerOptions settings)
    {
        var error = e is JobFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        var retry = e is not JobFailedException && job.Attempts < settings.MaxAttempts;
        return RecordAsync(job, async () =>
        {
            if (retry)
            {
                var notBefore = time.GetUtcNow() + settings.RetryDelay * Math.Pow(2, job.Attempts - 1);
                await jobs.RetryLaterAsync(job.Id, _workerId, error, notBefore, CancellationToken.None);
                job.State = JobState.Queued;
                job.Message = $"Attempt {job.Attempts} failed; retrying at {notBefore:HH:mm:ss} UTC";
            }
            else
            {
                var final = job.Attempts > 1 ? $"Gave up after {job.Attempts} attempts. Last error: {error}" : error;
                await jobs.FailAsync(job.Id, final, CancellationToken.None);
                job.State = JobState.Failed;
                job.Message = final;
            }
        });
    }

    /// <summary>Writes the job's end state and pushes it; the worker itself must live on if the database is away.</summary>
    private async Task RecordAsync(Job job, Func<Task> write)
    {
        try
        {
            await write();
            await notifier.JobProgressAsync(job);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the outcome of job {JobId}; it is retried when its lease expires", job.Id);
        }
    }
}
