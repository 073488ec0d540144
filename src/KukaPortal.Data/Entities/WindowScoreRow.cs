namespace KukaPortal.Data.Entities;

/// <summary>
/// One scored window. Written in bulk with binary COPY into a table partitioned by UTC day of
/// <see cref="At"/>; (RunId, WindowIndex, At) is unique so a retried batch can never store a window twice
/// (At is a function of the run and the window, so it adds nothing to the key but the partition key).
/// </summary>
public sealed class WindowScoreRow
{
    /// <summary>The scoring run: a batch scoring job's id, or a live stream's own stable run id. No foreign key: streams are not jobs.</summary>
    public Guid RunId { get; set; }
    public int WindowIndex { get; set; }

    /// <summary>Wall-clock time of the end of the window; the partition key. Deterministic per run and window.</summary>
    public DateTimeOffset At { get; set; }
    public int AssetId { get; set; }
    public int ModelId { get; set; }

    /// <summary>
    /// Per-asset push sequence number; a reconnecting dashboard asks for everything after the last one it saw.
    /// Unique per asset because the writer hands out ranges under the asset's row lock, not through an index
    /// (a partitioned table cannot hold a unique index without its partition key).
    /// </summary>
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

    /// <summary>
    /// Each channel's share of the window's reconstruction error (sums to 1), float16 little-endian in the
    /// order of the model's <see cref="DetectorModel.ChannelNames"/>; see <c>ContributionCodec</c>. Null when unknown.
    /// </summary>
    public byte[]? ChannelContributions { get; set; }
}
