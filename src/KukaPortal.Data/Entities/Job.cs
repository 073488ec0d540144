namespace KukaPortal.Data.Entities;

public enum JobKind { Train, Score }

public enum JobState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>
/// Background work (training, scoring) kept in PostgreSQL so it survives restarts. A worker claims a
/// job by taking a lease; a lease that runs out lets another worker take the job over.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public JobState State { get; set; }
    public int AssetId { get; set; }
    public int RecordingId { get; set; }
    public int? ModelId { get; set; }

    /// <summary>0..1.</summary>
    public double Progress { get; set; }
    public string? Message { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public string? RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}
