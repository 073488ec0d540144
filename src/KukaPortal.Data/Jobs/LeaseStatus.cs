namespace KukaPortal.Data.Jobs;

/// <summary>What renewing a job's lease found out.</summary>
public enum LeaseStatus
{
    /// <summary>Still ours; carry on.</summary>
    Held,

    /// <summary>Still ours, but someone asked to cancel the job.</summary>
    CancelRequested,

    /// <summary>No longer ours: it expired and another worker took the job over, or the job was finished elsewhere.</summary>
    Lost,
}
