namespace KukaPortal.Data.Entities;

/// <summary>
/// WhatIf: re-scores stored recordings with a candidate and the active model to compare their alarms (scoring lane).
/// TrainImages and ScoreImages: an inspection station's image sets (stored as strings: no migration).
/// </summary>
public enum JobKind { Train, Score, WhatIf, TrainImages, ScoreImages }

/// <summary>Workers of a lane take only its kinds of job, so a queue of training jobs never holds up scoring.</summary>
public static class JobLanes
{
    public static readonly IReadOnlyList<JobKind> Training = [JobKind.Train, JobKind.TrainImages];
    public static readonly IReadOnlyList<JobKind> Scoring = [JobKind.Score, JobKind.WhatIf, JobKind.ScoreImages];
}

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

    /// <summary>A job retried after a failure waits until then (exponential back-off).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>Someone asked to cancel the running job; its worker stops at the next step and marks it Cancelled.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>
    /// What a training job trains (JSON of <c>Training.TrainingParameters</c>), fixed when it is queued so a
    /// retried or resumed job trains the same thing; null for scoring jobs and for training jobs queued
    /// before parameters existed (those train on <see cref="RecordingId"/> with the configured defaults).
    /// </summary>
    public string? Parameters { get; set; }
}
