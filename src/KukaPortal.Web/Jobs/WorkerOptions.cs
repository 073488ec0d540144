namespace KukaPortal.Web.Jobs;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>How long a claimed job stays ours without a heartbeat; after that another worker may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts (failures or dead workers) before a job is failed for good.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry of a failed attempt; it doubles with every further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Training takes a checkpoint every this many iterations (rounded to progress reports), so a retry continues from it.</summary>
    public int CheckpointEvery { get; set; } = 200;

    /// <summary>How often an idle worker looks for jobs queued by other processes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Windows per forward pass and per stored batch (GUIDE: 64–512 is the sweet spot).</summary>
    public int ScoringBatchSize { get; set; } = 256;
}
