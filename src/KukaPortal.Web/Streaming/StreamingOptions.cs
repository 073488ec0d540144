namespace KukaPortal.Web.Streaming;

public sealed class StreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>How often each node looks for assets with stream work that no node owns (takeover delay after a node dies).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often an owned stream feeds due replay rows or new ingested chunks into its pipeline.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most rows one stream takes per tick, so a fast replay or a backlog cannot starve the others.</summary>
    public int MaxRowsPerTick { get; set; } = 20_000;

    /// <summary>A running stream that received no rows for this long is reported to dashboards as "no data".</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most rows one ingest request may carry.</summary>
    public int MaxRowsPerChunk { get; set; } = 10_000;

    /// <summary>Largest ingest request body in bytes.</summary>
    public long MaxChunkBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Fastest replay speed an engineer may ask for.</summary>
    public double MaxReplaySpeed { get; set; } = 1000;
}
