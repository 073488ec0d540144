namespace KukaPortal.Data.Entities;

/// <summary>
/// Where ingest appends the next chunk of a live run, and the timestamp the chunk must start after. A row of its own,
/// not columns of <see cref="StreamRun"/>: ingest locks it for each chunk while the owning pipeline saves its position
/// in the run's row with each stored window, and on one row the two transactions queued behind each other's commits
/// (docs/performance.md, "Push latency", round 8).
/// </summary>
public sealed class LiveIngestCursor
{
    public Guid RunId { get; set; }

    /// <summary>Rows accepted by ingest so far; the next chunk starts at this stream row.</summary>
    public long IngestedRows { get; set; }

    /// <summary>Timestamp (epoch seconds) of the last accepted sample; the next chunk must start after it.</summary>
    public double? LastTimestamp { get; set; }
}
