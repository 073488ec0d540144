namespace KukaPortal.Web.Monitoring;

/// <summary>What the server pushes to dashboards. Every push is a hint; the database stays the truth.</summary>
public interface IMonitoringClient
{
    Task WindowsScored(WindowsScored message);
    Task AlarmChanged(AlarmChanged message);
    Task JobProgress(JobProgress message);
    Task TrainingLoss(TrainingLoss message);
    Task ModelChanged(ModelChanged message);
    Task AssetStatus(AssetStatusChanged message);
}
