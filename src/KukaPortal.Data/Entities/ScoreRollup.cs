namespace KukaPortal.Data.Entities;

/// <summary>
/// The windows of one asset in one time bucket (a minute or an hour), summed up so that a year of history reads
/// thousands of rows instead of tens of millions. Maintained by ScoreBatchWriter in the transaction that stores
/// the windows, so it always agrees with window_scores (for the days window_scores still keeps).
/// </summary>
public sealed class ScoreRollup
{
    public int AssetId { get; set; }

    /// <summary>60 (minute buckets) or 3600 (hour buckets); see <c>ScoreRollupLevel</c>.</summary>
    public int BucketSeconds { get; set; }

    /// <summary>Start of the bucket (UTC, aligned to the minute or hour).</summary>
    public DateTimeOffset Bucket { get; set; }

    public int Windows { get; set; }
    public int AboveThreshold { get; set; }

    /// <summary>Sum, not mean: merging a later batch into the bucket is then a plain addition.</summary>
    public double SumCalibrated { get; set; }
    public double MinCalibrated { get; set; }
    public double MaxCalibrated { get; set; }
}
