using KukaPortal.Core.Alarms;
using KukaPortal.Data.Alarms;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// Unshelves alarms whose shelve has expired (ISA-18.2: shelving is always timed), appending the
/// event and pushing the change. The store re-checks the expiry under the row lock, so a manual
/// unshelve or another process's service racing this one changes the alarm once.
/// </summary>
public sealed class ShelfExpiryService(
    AlarmStore alarms, MonitoringNotifier notifier, TimeProvider time, IOptions<AlarmOptions> options, ILogger<ShelfExpiryService> logger)
    : BackgroundService
{
    /// <summary>Most expired shelves handled per pass; the next pass takes the rest.</summary>
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await UnshelveExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment; the next pass tries again.
                logger.LogWarning(e, "Looking for expired shelves failed.");
            }
            try
            {
                await Task.Delay(options.Value.ShelfExpiryPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: every alarm whose shelve has expired, each on its own so one failure does not stop the others.</summary>
    public async Task UnshelveExpiredAsync(CancellationToken ct)
    {
        foreach (var alarmId in await alarms.ExpiredShelvesAsync(BatchSize, ct))
        {
            try
            {
                var result = await alarms.UnshelveIfExpiredAsync(alarmId, ct);
                if (result is { Changed: true, Alarm: { } alarm })
                {
                    logger.LogInformation("Shelve of alarm {AlarmId} expired; it is now {State}.", alarm.Id, alarm.State);
                    await notifier.AlarmChangedAsync(alarm);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Unshelving expired alarm {AlarmId} failed; the next pass tries again.", alarmId);
            }
        }
    }
}
