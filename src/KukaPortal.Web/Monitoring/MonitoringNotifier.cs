using KukaPortal.Data;
using KukaPortal.Data.Entities;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// The one way the server tells dashboards that something changed. Sends go to the asset's hub group
/// (through the Redis backplane to every node when there is one); windows go through
/// <see cref="WindowPushThrottle"/>. A failed send is logged and dropped, never retried, because a client
/// that missed it catches up from the database by sequence number.
/// </summary>
public sealed class MonitoringNotifier(
    IHubContext<MonitoringHub, IMonitoringClient> hub, WindowPushThrottle windows, IDbContextFactory<PortalDbContext> dbFactory,
    ILogger<MonitoringNotifier> logger)
{
    /// <summary>Hands the windows to the throttle, which sends them in the background (see <see cref="WindowPushThrottle"/>).</summary>
    public Task WindowsScoredAsync(int assetId, IReadOnlyList<WindowScoreRow> rows)
    {
        windows.Enqueue(assetId, rows.Select(ToPoint).ToArray());
        return Task.CompletedTask;
    }

    /// <summary>Goes to the asset's group and to the all-alarms group (the alarm list).</summary>
    public Task AlarmChangedAsync(Alarm alarm) =>
        SendAsync(alarm.AssetId, [MonitoringHub.AlarmsGroup], (c, sequence) => c.AlarmChanged(new AlarmChanged(
            alarm.AssetId, alarm.Id, alarm.State.ToString(), alarm.RaisedAt, alarm.PeakCalibrated, alarm.AcknowledgedBy,
            alarm.Priority.ToString(), alarm.Classification?.ToString(), alarm.ShelvedUntil, sequence)));

    public Task JobProgressAsync(Job job, double? loss = null) =>
        SendAsync(job.AssetId, (c, sequence) => c.JobProgress(
            new JobProgress(job.Id, job.AssetId, job.Kind.ToString(), job.State.ToString(), job.Progress, job.Message, loss, sequence)));

    public Task TrainingLossAsync(Job job, IReadOnlyList<LossPoint> points) =>
        SendAsync(job.AssetId, (c, sequence) => c.TrainingLoss(new TrainingLoss(job.Id, job.AssetId, points, sequence)));

    public Task ModelChangedAsync(DetectorModel model) =>
        SendAsync(model.AssetId, (c, sequence) => c.ModelChanged(new ModelChanged(model.AssetId, model.Id, model.Version, sequence)));

    private static readonly Func<WindowScoreRow, WindowPoint> ToPoint = MonitoringHub.Point.Compile();
    public Task AssetStatusAsync(AssetStatusChanged status) =>
        SendAsync(status.AssetId, (c, sequence) => c.AssetStatus(status with { Sequence = sequence }));

    private Task SendAsync(int assetId, Func<IMonitoringClient, long, Task> send) => SendAsync(assetId, [], send);

    private async Task SendAsync(int assetId, string[] alsoTo, Func<IMonitoringClient, long, Task> send)
    {
        try
        {
            // Dashboards join one group per connection (the live chart its asset, the alarm list all alarms), so no client hears it twice.
            var groups = alsoTo.Length == 0 ? hub.Clients.Group(MonitoringHub.AssetGroup(assetId)) : hub.Clients.Groups([MonitoringHub.AssetGroup(assetId), .. alsoTo]);
            await send(groups, await LastSequenceAsync(assetId));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Push to asset {AssetId} failed; clients will catch up from the database.", assetId);
        }
    }

    private async Task<long> LastSequenceAsync(int assetId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Assets.Where(a => a.Id == assetId).Select(a => a.LastSequence).SingleOrDefaultAsync();
    }
}
