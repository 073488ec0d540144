using KukaPortal.Data.Jobs;
using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Stores a running job's progress (which also renews its lease) and pushes it to dashboards, at most a
/// few times a second however often the job reports. A report that finds the job cancelled or taken over
/// stops the job by throwing.
/// </summary>
public sealed class JobProgressReporter(JobLease lease, JobStore jobs, MonitoringNotifier notifier, TimeProvider time)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(300);
    private (DateTimeOffset At, double Progress)? _baseline;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public async Task ReportAsync(double progress, string message, double? loss, CancellationToken ct, bool force = false)
    {
        var now = time.GetUtcNow();
        if (!force && now - _lastReport < MinimumInterval) return;
        _lastReport = now;
        var job = lease.Job;
        job.Progress = Math.Clamp(progress, 0, 1);
        job.Message = WithEta(message, job.Progress, now);
        lease.Observe(await jobs.ReportProgressAsync(job.Id, lease.WorkerId, job.Progress, job.Message, lease.Length, ct));
        lease.Token.ThrowIfCancellationRequested();
        await notifier.JobProgressAsync(job, loss);
    }

    /// <summary>
    /// Adds the expected time left, from the pace since this attempt's first report (a resumed job starts
    /// part-way), once there is enough progress to judge it.
    /// </summary>
    private string WithEta(string message, double progress, DateTimeOffset now)
    {
        _baseline ??= (now, progress);
        var done = progress - _baseline.Value.Progress;
        if (done < 0.02 || progress >= 1) return message;
        var left = (now - _baseline.Value.At) * ((1 - progress) / done);
        return $"{message} · about {Format(left)} left";
    }

    private static string Format(TimeSpan left) =>
        left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes} min {left.Seconds:D2} s" : $"{Math.Max(1, (int)left.TotalSeconds)} s";
}
