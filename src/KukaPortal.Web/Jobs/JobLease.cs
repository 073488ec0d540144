using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// A worker's hold on one running job. A heartbeat renews the lease every third of its length, so a job
/// with long silent steps is not taken over while its worker lives. <see cref="Token"/> is cancelled when
/// the host stops, when someone asks to cancel the job, or when the lease was lost; the properties say which.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly Job _job;
    private readonly string _workerId;
    private readonly JobStore _jobs;
    private readonly TimeSpan _length;
    private readonly CancellationTokenSource _cancel;
    private readonly CancellationTokenSource _heartbeatStop = new();
    private readonly Task _heartbeat;
    private readonly ILogger _logger;

    public JobLease(Job job, string workerId, JobStore jobs, TimeSpan length, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        _job = job;
        _workerId = workerId;
        _jobs = jobs;
        _length = length;
        _logger = logger;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _heartbeat = BeatAsync(time);
    }

    public Job Job => _job;
    public string WorkerId => _workerId;
    public TimeSpan Length => _length;
    public CancellationToken Token => _cancel.Token;
    public bool CancelRequested { get; private set; }
    public bool Lost { get; private set; }

    /// <summary>Acts on what a renewal (heartbeat or progress report) found out.</summary>
    public void Observe(LeaseStatus status)
    {
        if (status == LeaseStatus.Held) return;
        CancelRequested |= status == LeaseStatus.CancelRequested;
        Lost |= status == LeaseStatus.Lost;
        _cancel.Cancel();
    }

    private async Task BeatAsync(TimeProvider time)
    {
        using var timer = new PeriodicTimer(_length / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_heartbeatStop.Token))
            {
                try
                {
                    Observe(await _jobs.RenewLeaseAsync(_job.Id, _workerId, _length, _heartbeatStop.Token));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly away; the lease has slack for two more beats.
                    _logger.LogWarning(e, "Could not renew the lease of job {JobId}", _job.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeatStop.CancelAsync();
        await _heartbeat;
        _heartbeatStop.Dispose();
        _cancel.Dispose();
    }
}
