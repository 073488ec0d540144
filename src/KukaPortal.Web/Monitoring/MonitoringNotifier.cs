using KukaPortal.Data.Entities;
using Microsoft.AspNetCore.SignalR;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// The one way the server tells dashboards that something changed. Sends go to the asset's hub group;
/// a failed send is logged and dropped, never retried, because a client that missed it catches up
/// from the database by sequence number.
/// </summary>
public sealed class MonitoringNotifier(IHubContext<MonitoringHub, IMonitoringClient> hub, ILogger<MonitoringNotifier> logger)
{
    public Task WindowsScoredAsync(int assetId, IReadOnlyList<WindowScoreRow> rows) =>
        SendAsync(assetId, c => c.WindowsScored(new WindowsScored(assetId, rows.Select(ToPoint).ToArray())));

    public Task AlarmChangedAsync(Alarm alarm) =>
        SendAsync(alarm.AssetId, c => c.AlarmChanged(new AlarmChanged(alarm.AssetId, alarm.Id, alarm.State.ToString(), alarm.RaisedAt, alarm.PeakCalibrated, alarm.AcknowledgedBy)));

    public Task JobProgressAsync(Job job, double? loss = null) =>
        SendAsync(job.AssetId, c => c.JobProgress(new JobProgress(job.Id, job.AssetId, job.Kind.ToString(), job.State.ToString(), job.Progress, job.Message, loss)));

    public Task ModelChangedAsync(DetectorModel model) =>
        SendAsync(model.AssetId, c => c.ModelChanged(new ModelChanged(model.AssetId, model.Id, model.Version)));

    public Task AssetStatusAsync(AssetStatusChanged status) =>
        SendAsync(status.AssetId, c => c.AssetStatus(status));

    public static WindowPoint ToPoint(WindowScoreRow w) =>
        new(w.Sequence, w.JobId, w.WindowIndex, w.StartSeconds, w.EndSeconds, w.Score, w.Calibrated, w.AboveThreshold);

    private async Task SendAsync(int assetId, Func<IMonitoringClient, Task> send)
    {
        try
        {
            await send(hub.Clients.Group(MonitoringHub.AssetGroup(assetId)));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Push to asset {AssetId} failed; clients will catch up from the database.", assetId);
        }
    }
}
