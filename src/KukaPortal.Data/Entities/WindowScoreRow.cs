namespace KukaPortal.Data.Entities;

/// <summary>
/// One scored window. Written in bulk with binary COPY; (JobId, WindowIndex) is unique so a retried
/// batch can never store a window twice.
/// </summary>
public sealed class WindowScoreRow
{
    public Guid JobId { get; set; }
    public int WindowIndex { get; set; }
    public int AssetId { get; set; }
    public int ModelId { get; set; }

    /// <summary>Per-asset push sequence number; a reconnecting dashboard asks for everything after the last one it saw.</summary>
    public long Sequence { get; set; }
    public int StartRow { get; set; }
    public int EndRow { get; set; }

    /// <summary>Seconds from the start of the recording.</summary>
    public double StartSeconds { get; set; }
    public double EndSeconds { get; set; }
    public double Score { get; set; }

    /// <summary>Score divided by the model's threshold: 1.0 is the threshold for every model and asset.</summary>
    public double Calibrated { get; set; }
    public bool AboveThreshold { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}
