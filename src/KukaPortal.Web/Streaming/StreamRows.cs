namespace KukaPortal.Web.Streaming;

/// <summary>Rows a source hands the pipeline on one tick (row-major values in the source's channel order), and whether the source has ended.</summary>
public sealed record StreamRows(float[] Values, double[] Timestamps, bool Ended)
{
    public static StreamRows None(bool ended = false) => new([], [], ended);

    public int Count => Timestamps.Length;
}

/// <summary>Where a stream's rows come from: a recording played back, or ingested chunks. Disposed when its pipeline stops following the run.</summary>
public interface IStreamSource : IDisposable
{
    IReadOnlyList<string> Channels { get; }

    /// <summary>The rows due now from stream row <paramref name="fromRow"/> on, at most <paramref name="maxRows"/>.</summary>
    Task<StreamRows> ReadAsync(long fromRow, int maxRows, CancellationToken ct);

    /// <summary>
    /// Where the run's stored chunks may start once <paramref name="savedRow"/> is the saved position (the lower bound of
    /// the purge, <see cref="Data.Streams.StreamProgress.ChunksFrom"/>); null for a source that stores no chunks.
    /// </summary>
    long? ChunksFrom(long savedRow);
}
