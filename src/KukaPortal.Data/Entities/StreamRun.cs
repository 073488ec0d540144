namespace KukaPortal.Data.Entities;

/// <summary>
/// Where a stream's data comes from: a stored recording played back, samples pushed by the machine, or images
/// an inspection station sends. Image runs are scored as each image arrives (<c>Web/Inspection/LiveImageScorer</c>),
/// not by the stream host, which only owns Replay and Live runs.
/// </summary>
public enum StreamSource { Replay, Live, Images }

public enum StreamRunState { Running, Finished, Stopped }

/// <summary>
/// One continuous scoring run of an asset. Its id is the run id its windows are stored under, and
/// (next window index, next row) is where the owning node resumes after a restart or a takeover:
/// windows are cut again from that row with the same indexes, and ON CONFLICT drops any that were
/// already stored. A replay is a run of its own; an asset has one live run, which ingest appends to
/// (where: its <see cref="LiveIngestCursor"/>).
/// </summary>
public sealed class StreamRun
{
    public Guid Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    public StreamSource Source { get; set; }
    public StreamRunState State { get; set; }

    /// <summary>Channel order of the samples this run holds (a replay: its recording's; live: the model's when the run began).</summary>
    public required string[] Channels { get; set; }

    public int NextWindowIndex { get; set; }

    /// <summary>The stream row the next window starts at (a replay: counted through all loops).</summary>
    public long NextRow { get; set; }

    // Replay
    public int? RecordingId { get; set; }
    public Recording? Recording { get; set; }
    public double Speed { get; set; } = 1;
    public bool Loop { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? StartedBy { get; set; }
}
