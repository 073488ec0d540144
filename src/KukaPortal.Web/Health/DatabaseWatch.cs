using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Health;

/// <summary>
/// Probes the database on a timer, so operators learn of an outage from the banner even when no request of theirs
/// failed, and see it go away by itself once the database is back (the probe reports to <see cref="DatabaseStatus"/>).
/// </summary>
public sealed class DatabaseWatch(DatabaseHealthCheck check, IOptions<DatabaseWatchOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            do
            {
                await check.CheckHealthAsync(new HealthCheckContext(), stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
