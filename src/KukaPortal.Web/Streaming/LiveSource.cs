namespace KukaPortal.Web.Streaming;

/// <summary>The rows ingest appended to an asset's live run, read back in order from the chunk table.</summary>
public sealed class LiveSource(StreamRunStore store, Guid runId, IReadOnlyList<string> channels) : IStreamSource
{
    public IReadOnlyList<string> Channels => channels;

    public async Task<StreamRows> ReadAsync(long fromRow, int maxRows, CancellationToken ct)
    {
        var chunks = await store.ReadChunksAsync(runId, fromRow, maxRows, ct);
        if (chunks.Count == 0) return StreamRows.None();

        var width = channels.Count;
        var values = new List<float>();
        var times = new List<double>();
        var next = fromRow;
        foreach (var chunk in chunks)
        {
            // Chunks follow each other without gaps; a gap would mean rows were lost, so reading stops there.
            if (chunk.FirstRow > next) break;
            var skip = (int)(next - chunk.FirstRow);
            values.AddRange(chunk.Values.AsSpan(skip * width, (chunk.Rows - skip) * width));
            times.AddRange(chunk.Timestamps.AsSpan(skip));
            next = chunk.FirstRow + chunk.Rows;
        }
        return new StreamRows(values.ToArray(), times.ToArray(), Ended: false);
    }
}
