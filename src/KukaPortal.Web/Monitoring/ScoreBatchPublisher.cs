using KukaPortal.Data.Scores;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// The one downstream path of every scorer (batch jobs and streams): store the batch in one
/// transaction, then push the stored rows and the alarms they changed. Storing comes first so that
/// a dashboard never sees a window the database does not have.
/// </summary>
public sealed class ScoreBatchPublisher(ScoreBatchWriter writer, MonitoringNotifier notifier)
{
    public async Task<StoredBatch> PublishAsync(ScoreBatch batch, CancellationToken ct)
    {
        var result = await writer.StoreAsync(batch, ct);
        if (result.Rows.Count > 0)
            await notifier.WindowsScoredAsync(batch.AssetId, result.Rows);
        foreach (var alarm in result.ChangedAlarms)
            await notifier.AlarmChangedAsync(alarm);
        return result;
    }
}
