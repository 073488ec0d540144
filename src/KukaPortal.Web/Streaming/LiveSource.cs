namespace KukaPortal.Web.Streaming;

/// <summary>
/// The rows ingest appended to an asset's live run, in order: from the chunks ingest on this node kept in memory
/// (<see cref="RecentChunks"/>) when they hold the next row, else read back from the chunk table.
/// </summary>
public sealed class LiveSource : IStreamSource
{
    private readonly StreamRunStore _store;
    private readonly RecentChunks _recent;
    private readonly Guid _runId;
    /// <summary>The chunks read that may still be stored (first row, row after the last), oldest first.</summary>
    private readonly Queue<(long FirstRow, long End)> _read = new();
    private long _newestRead = -1;
    private long _newestEnd = -1;

    public LiveSource(StreamRunStore store, RecentChunks recent, Guid runId, IReadOnlyList<string> channels)
    {
        (_store, _recent, _runId, Channels) = (store, recent, runId, channels);
        recent.Follow(runId);
    }

    public IReadOnlyList<string> Channels { get; }

    public async Task<StreamRows> ReadAsync(long fromRow, int maxRows, CancellationToken ct)
    {
        var chunks = _recent.From(_runId, fromRow, maxRows);
        if (chunks.Count == 0) chunks = await _store.ReadChunksAsync(_runId, fromRow, maxRows, HoldingChunkStart(fromRow), ct);
        if (chunks.Count == 0) return StreamRows.None();

        var width = Channels.Count;
        var values = new List<float>();
        var times = new List<double>();
        var next = fromRow;
        foreach (var chunk in chunks)
        {
            // Chunks follow each other without gaps; a gap would mean rows were lost, so reading stops there.
            if (chunk.FirstRow > next) break;
            if (chunk.FirstRow > _newestRead) _read.Enqueue((_newestRead = chunk.FirstRow, _newestEnd = chunk.FirstRow + chunk.Rows));
            var skip = (int)(next - chunk.FirstRow);
            values.AddRange(chunk.Values.AsSpan(skip * width, (chunk.Rows - skip) * width));
            times.AddRange(chunk.Timestamps.AsSpan(skip));
            next = chunk.FirstRow + chunk.Rows;
        }
        return new StreamRows(values.ToArray(), times.ToArray(), Ended: false);
    }

    /// <summary>
    /// The first row of the chunk that holds <paramref name="savedRow"/>, else that row: every stored chunk before it
    /// ends at or before the saved position, so the save that set it deleted them. A chunk after the rows read so far
    /// starts after the saved position, since the pipeline read every row up to it.
    /// </summary>
    public long? ChunksFrom(long savedRow)
    {
        while (_read.TryPeek(out var oldest) && oldest.End <= savedRow) _read.Dequeue();
        return _read.TryPeek(out var holding) ? Math.Min(holding.FirstRow, savedRow) : savedRow;
    }

    /// <summary>
    /// The first row of the chunk holding <paramref name="fromRow"/> when the rows read so far tell it: the newest chunk
    /// read when it holds the row, else the row itself (a read hands over whole chunks, so the next one starts where the
    /// newest ended). Unknown before the first read and for a row before the newest chunk.
    /// </summary>
    private long? HoldingChunkStart(long fromRow) =>
        _newestRead < 0 || fromRow < _newestRead || fromRow > _newestEnd ? null
        : fromRow < _newestEnd ? _newestRead : fromRow;

    public void Dispose() => _recent.Unfollow(_runId);
}
