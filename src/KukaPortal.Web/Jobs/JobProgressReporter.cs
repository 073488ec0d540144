using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Stores a running job's progress (which also renews its lease) and pushes it to dashboards, at most a
/// few times a second however often the job reports.
/// </summary>
public sealed class JobProgressReporter(Job job, string workerId, JobStore jobs, MonitoringNotifier notifier, TimeSpan lease, TimeProvider time)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(300);
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public Job Job => job;

    public async Task ReportAsync(double progress, string message, double? loss, CancellationToken ct, bool force = false)
    {
        var now = time.GetUtcNow();
        if (!force && now - _lastReport < MinimumInterval) return;
        _lastReport = now;
        job.Progress = Math.Clamp(progress, 0, 1);
        job.Message = message;
        if (!await jobs.ReportProgressAsync(job.Id, workerId, job.Progress, message, lease, ct))
            throw new OperationCanceledException($"Job {job.Id} is no longer ours (cancelled or taken over).");
        await notifier.JobProgressAsync(job, loss);
    }
}
