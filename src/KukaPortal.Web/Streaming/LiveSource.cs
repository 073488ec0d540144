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
        if (chunks.Count == 0) chunks = await _store.ReadChunksAsync(_runId, fromRow, maxRows, StartOfChunkHolding(fromRow), ct);
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
    /// Where the run's stored chunks may start once <paramref name="savedRow"/> is saved: the chunk holding it, else the
    /// row itself (a stored chunk holding it would have been read: the pipeline read every row up to the saved position).
    /// Every stored chunk before it ends at or before the saved position, so the save that set it deleted them; the
    /// chunks read that ended there are forgotten.
    /// </summary>
    public long? ChunksFrom(long savedRow)
    {
        while (_read.TryPeek(out var oldest) && oldest.End <= savedRow) _read.Dequeue();
        return StartOfChunkHolding(savedRow) ?? savedRow;
    }

    /// <summary>
    /// The first row of the chunk holding <paramref name="row"/> as the chunks read tell it: a read chunk's first row, or
    /// the row itself where the newest chunk read ended (a read hands over whole chunks, so the next one starts there).
    /// Null when the reads do not tell: nothing read yet, or a row outside them.
    /// </summary>
    private long? StartOfChunkHolding(long row)
    {
        foreach (var (first, end) in _read)
        {
            if (row < first) return null;
            if (row < end) return first;
        }
        return row == _newestEnd ? row : null;
    }

    public void Dispose() => _recent.Unfollow(_runId);
}
