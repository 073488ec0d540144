using KukaPortal.Core.Streaming;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KukaPortal.Web.Ingest;

/// <summary>
/// Appends a checked chunk to the asset's live run, so that chunks sent to different nodes at once still get disjoint,
/// ordered stream rows and each is checked against the last accepted timestamp. The run's ingest cursor
/// (<see cref="LiveIngestCursor"/>) says where the next chunk starts; the run's own row, where the pipeline saves its
/// position with every stored window, is never locked. Once committed, the chunk is handed to a pipeline of the asset on
/// this node (<see cref="RecentChunks"/>), which is woken at once; the owning node's pipeline consumes it.
/// <para>
/// Two ways in, both plain SQL (a machine posts many chunks a second, and building EF's queries cost more CPU than the
/// statements; docs/performance.md, "Push latency"):
/// <list type="bullet">
/// <item>The common case, one statement: the chunk is checked against the head this node's last append left
/// (<see cref="LiveIngestHeads"/>), and the append moves the cursor only where it still stands there.</item>
/// <item>Otherwise (the node's first chunk of the asset, another node appended meanwhile, or the chunk fails the check
/// against the guess): in one transaction, the asset's checks and the cursor's row lock, then the same append, then the
/// commit; the checks that fail here answer the sender.</item>
/// </list>
/// </para>
/// </summary>
public sealed class SampleIngest(
    IDbContextFactory<PortalDbContext> dbFactory, NpgsqlDataSource dataSource, LiveIngestHeads heads, StreamWakeups wakeups,
    RecentChunks recentChunks, IOptions<StreamingOptions> options, TimeProvider time)
{
    /// <summary>The number of rows accepted.</summary>
    /// <exception cref="StreamRequestException">No model to check against (409) or a check failed (422); nothing was stored.</exception>
    public async Task<int> AppendAsync(int assetId, IncomingSamples incoming, CancellationToken ct)
    {
        var (chunk, head) = await TryAppendAtKnownHeadAsync(assetId, incoming, ct) ?? await AppendUnderLockAsync(assetId, incoming, ct);
        heads.Moved(assetId, head with { IngestedRows = chunk.FirstRow + chunk.Rows, LastTimestamp = chunk.Timestamps[^1] });
        recentChunks.Add(chunk);
        wakeups.Wake(assetId);
        return chunk.Rows;
    }

    /// <summary>Null when this node knows no head of the asset, the chunk fails the check against it, or the run moved on.</summary>
    private async Task<(SampleChunk, LiveHead)?> TryAppendAtKnownHeadAsync(int assetId, IncomingSamples incoming, CancellationToken ct)
    {
        if (heads.Find(assetId) is not { } head) return null;
        var (samples, _) = SampleChecks.Check(incoming, head.Channels, head.LastTimestamp, options.Value.MaxRowsPerChunk);
        if (samples is null) return null;
        var chunk = NewChunk(head, samples, time.GetUtcNow());
        try
        {
            await using var append = dataSource.CreateBatch();
            append.BatchCommands.Add(AppendCommand(assetId, chunk));
            return await append.ExecuteNonQueryAsync(ct) == 1 ? (chunk, head) : null;
        }
        catch (NpgsqlException e) when (e.IsTransient)
        {
            // The way in under the lock retries transient failures (DatabaseRetryOptions) and reports what remains.
            return null;
        }
    }

    private async Task<(SampleChunk, LiveHead)> AppendUnderLockAsync(int assetId, IncomingSamples incoming, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var head = await LockLiveRunAsync(connection, assetId, ct);

            var (samples, problem) = SampleChecks.Check(incoming, head.Channels, head.LastTimestamp, options.Value.MaxRowsPerChunk);
            if (samples is null)
                throw new StreamRequestException(problem!, StatusCodes.Status422UnprocessableEntity);

            var chunk = NewChunk(head, samples, time.GetUtcNow());
            await using var append = new NpgsqlBatch(connection) { BatchCommands = { AppendCommand(assetId, chunk) } };
            // The cursor is locked and the model was just checked, so the append's conditions hold.
            await append.ExecuteNonQueryAsync(ct);
            return (chunk, head);
        }, ct);
    }

    private async Task<LiveHead> LockLiveRunAsync(NpgsqlConnection connection, int assetId, CancellationToken ct)
    {
        // The checks (asset, model, the model's channels) and the lock of an existing live run in one round trip.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                PlainSql.Command("""
                    SELECT a.active_model_id IS NOT NULL,
                           (SELECT r.channels FROM models m JOIN recordings r ON r.id = m.training_recording_id WHERE m.id = a.active_model_id)
                    FROM assets a WHERE a.id = $1
                    """, assetId),
                LockLiveRunCommand(assetId),
            },
        };
        string[]? channels;
        LiveHead? head;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
                throw new StreamRequestException($"Asset {assetId} does not exist.", StatusCodes.Status404NotFound);
            var hasModel = reader.GetBoolean(0);
            channels = reader.IsDBNull(1) ? null : reader.GetFieldValue<string[]>(1);
            await reader.NextResultAsync(ct);
            head = await ReadHeadAsync(reader, ct);
            if (!hasModel)
                throw new StreamRequestException("This asset has no trained model yet, so there is nothing to score samples with: train one on normal data first.", StatusCodes.Status409Conflict);
        }
        if (channels is null)
            throw new StreamRequestException("The asset's model does not name its training recording, so its channels are unknown.", StatusCodes.Status409Conflict);

        // The live run exists after the asset's first chunk; only the first chunk creates it (concurrent first chunks
        // meet at the unique index) and locks it then. Its channel order is the model's at that moment.
        return head ?? await CreateAndLockLiveRunAsync(connection, assetId, channels, ct);
    }

    private async Task<LiveHead> CreateAndLockLiveRunAsync(NpgsqlConnection connection, int assetId, string[] channels, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // A first chunk that loses the race inserts neither row: its INSERT waits for the winner's commit and
                // returns no id, and the lock after it then finds the winner's run.
                PlainSql.Command("""
                    WITH run AS (
                        INSERT INTO stream_runs (id, asset_id, source, state, channels, next_window_index, next_row, speed, "loop", created_at, updated_at)
                        VALUES ($1, $2, 'Live', 'Running', $3, 0, 0, 1, false, $4, $4)
                        ON CONFLICT (asset_id) WHERE source = 'Live' DO NOTHING
                        RETURNING id)
                    INSERT INTO live_ingest_cursors (run_id, ingested_rows) SELECT id, 0 FROM run
                    """, Guid.NewGuid(), assetId, channels, now),
                LockLiveRunCommand(assetId),
            },
        };
        // The INSERT returns no rows, so the reader starts at the lock's.
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return (await ReadHeadAsync(reader, ct))!;
    }

    private static NpgsqlBatchCommand LockLiveRunCommand(int assetId) =>
        PlainSql.Command("""
            SELECT r.id, r.channels, c.ingested_rows, c.last_timestamp
            FROM stream_runs r JOIN live_ingest_cursors c ON c.run_id = r.id
            WHERE r.asset_id = $1 AND r.source = 'Live'
            FOR UPDATE OF c
            """, assetId);

    private static async Task<LiveHead?> ReadHeadAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct)
            ? new LiveHead(reader.GetGuid(0), reader.GetFieldValue<string[]>(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetDouble(3))
            : null;

    private static SampleChunk NewChunk(LiveHead head, AcceptedSamples samples, DateTimeOffset now) =>
        new() { RunId = head.RunId, FirstRow = head.IngestedRows, Rows = samples.Rows, Values = samples.Values, Timestamps = samples.Timestamps, ReceivedAt = now };

    /// <summary>
    /// Stores the chunk and moves the cursor past it, only where the cursor still stands at the chunk's first row and the
    /// asset still has a model; otherwise it changes nothing and reports 0 rows. A run someone stopped runs again; the
    /// state is tested in the WHERE clause, so a running run's row (locked by its pipeline's open transaction, as often
    /// as not) is neither written nor waited for.
    /// </summary>
    private static NpgsqlBatchCommand AppendCommand(int assetId, SampleChunk chunk) => PlainSql.Command("""
        WITH moved AS (
            UPDATE live_ingest_cursors SET ingested_rows = $3 + $4, last_timestamp = $7
            WHERE run_id = $1 AND ingested_rows = $3 AND EXISTS (SELECT 1 FROM assets WHERE id = $2 AND active_model_id IS NOT NULL)
            RETURNING run_id),
        running AS (
            UPDATE stream_runs SET state = 'Running', updated_at = $8 WHERE id IN (SELECT run_id FROM moved) AND state <> 'Running')
        INSERT INTO sample_chunks (run_id, first_row, rows, "values", timestamps, received_at)
        SELECT run_id, $3, $4, $5, $6, $8 FROM moved
        """, chunk.RunId, assetId, chunk.FirstRow, chunk.Rows, chunk.Values, chunk.Timestamps, chunk.Timestamps[^1], chunk.ReceivedAt);
}
