using System.Collections.Concurrent;
using KukaPortal.Data.Entities;

namespace KukaPortal.Web.Streaming;

/// <summary>
/// The chunks ingest on this node committed lately, kept for the pipeline on this node that follows their run, so it
/// scores them without reading them back from the database (at 20 chunks a second per asset that read was one query
/// in six of the live path: docs/performance.md, "Push latency", round 4). Only followed runs keep chunks, at most
/// <see cref="MaxChunksPerRun"/> each. The database stays the truth: a chunk that is not here — ingested on another
/// node, committed before the pipeline followed the run, or dropped — is read from it as before.
/// </summary>
public sealed class RecentChunks
{
    /// <summary>Far more than a pipeline falls behind by; past it the oldest chunk goes and the database serves it.</summary>
    public const int MaxChunksPerRun = 64;

    private readonly ConcurrentDictionary<Guid, List<SampleChunk>> _runs = new();

    /// <summary>From now on, chunks of the run are kept here for a pipeline on this node.</summary>
    public void Follow(Guid runId) => _runs.TryAdd(runId, []);

    public void Unfollow(Guid runId) => _runs.TryRemove(runId, out _);

    /// <summary>Keeps a committed chunk of a followed run, in row order (requests may commit and arrive here in different orders).</summary>
    public void Add(SampleChunk chunk)
    {
        if (!_runs.TryGetValue(chunk.RunId, out var chunks)) return;
        lock (chunks)
        {
            chunks.Insert(chunks.FindLastIndex(c => c.FirstRow < chunk.FirstRow) + 1, chunk);
            if (chunks.Count > MaxChunksPerRun) chunks.RemoveAt(0);
        }
    }

    /// <summary>
    /// The gapless chunks from stream row <paramref name="fromRow"/> on (about <paramref name="maxRows"/> rows) when the
    /// one holding that row is here, else none; forgets the chunks before it, which the pipeline has consumed.
    /// </summary>
    public IReadOnlyList<SampleChunk> From(Guid runId, long fromRow, int maxRows)
    {
        if (!_runs.TryGetValue(runId, out var chunks)) return [];
        lock (chunks)
        {
            chunks.RemoveAll(c => c.FirstRow + c.Rows <= fromRow);
            var taken = new List<SampleChunk>();
            var next = fromRow;
            foreach (var chunk in chunks)
            {
                if (chunk.FirstRow > next || next - fromRow >= maxRows) break;
                taken.Add(chunk);
                next = chunk.FirstRow + chunk.Rows;
            }
            return taken;
        }
    }
}
