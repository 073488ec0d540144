using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KukaPortal.Data.Streams;

/// <summary>
/// Where a stream run's next window starts: the position a takeover resumes from. Saved in the transaction that
/// stores the windows before it (<see cref="Scores.ScoreBatch.Progress"/>), so the stored windows and the saved
/// position can never disagree, and a stream pays one commit per batch instead of two.
/// </summary>
/// <param name="ChunksFrom">
/// Where a live run's stored chunks may start: the first row of the chunk that holds the position saved before (or that
/// position). Every chunk before it went with an earlier position, so the purge reads only the index entries of the
/// chunks it deletes. Without it, the purge walks every chunk deleted since the table's last vacuum: the planner picks a
/// bitmap scan, which never marks their index entries dead (181–223 µs a live window in the push bench, and growing until
/// autovacuum comes round; docs/performance.md, "Push latency", round 7). Null: the run's whole chunk range.
/// </param>
public sealed record StreamProgress(int NextWindowIndex, long NextRow, long? ChunksFrom = null)
{
    /// <summary>
    /// Records the position in <paramref name="db"/>'s current transaction. Live chunks wholly before the next row are
    /// no longer needed and go too. A run stopped meanwhile (a new replay, DELETE) keeps its state.
    /// </summary>
    public async Task SaveAsync(PortalDbContext db, Guid runId, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var command in Commands(runId, now)) batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The statements that save it, for a caller's own round trip: a live stream saves its position with every batch of
    /// a window or two (the score batch sends them with its other closing statements), and EF's ExecuteUpdate and
    /// ExecuteDelete rebuilt their queries on every call (5 % of the push bench's CPU).
    /// </summary>
    public IEnumerable<NpgsqlBatchCommand> Commands(Guid runId, DateTimeOffset now)
    {
        yield return PlainSql.Command("UPDATE stream_runs SET next_window_index = $1, next_row = $2, updated_at = $3 WHERE id = $4", NextWindowIndex, NextRow, now, runId);
        yield return ChunksFrom is { } from
            ? PlainSql.Command("DELETE FROM sample_chunks WHERE run_id = $1 AND first_row >= $3 AND first_row < $2 AND first_row + rows <= $2", runId, NextRow, from)
            : PlainSql.Command("DELETE FROM sample_chunks WHERE run_id = $1 AND first_row + rows <= $2", runId, NextRow);
    }
}
