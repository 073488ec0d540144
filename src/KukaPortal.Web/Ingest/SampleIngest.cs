using KukaPortal.Core.Streaming;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Web.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KukaPortal.Web.Ingest;

/// <summary>
/// Appends a checked chunk to the asset's live run in one transaction, under the run's row lock, so
/// that chunks sent to different nodes at once still get disjoint, ordered stream rows and each is
/// checked against the last accepted timestamp. The owning node's pipeline consumes the chunks; once
/// committed, the chunk is handed to a pipeline of the asset on this node (<see cref="RecentChunks"/>), which is woken at once.
/// <para>
/// Plain SQL in three round trips (checks and lock · chunk and run · commit) rather than EF queries: a machine posts
/// many chunks a second, and building EF's queries cost more CPU than the statements themselves (docs/performance.md,
/// "Push latency").
/// </para>
/// </summary>
public sealed class SampleIngest(IDbContextFactory<PortalDbContext> dbFactory, StreamWakeups wakeups, RecentChunks recentChunks, IOptions<StreamingOptions> options, TimeProvider time)
{
    /// <summary>The live run as the chunk's checks need it, locked until the transaction ends.</summary>
    private sealed record LockedRun(Guid Id, string[] Channels, double? LastTimestamp, long IngestedRows);

    /// <summary>The number of rows accepted.</summary>
    /// <exception cref="StreamRequestException">No model to check against (409) or a check failed (422); nothing was stored.</exception>
    public async Task<int> AppendAsync(int assetId, IncomingSamples incoming, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunk = await db.InTransactionAsync(async ct =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var run = await LockLiveRunAsync(connection, assetId, ct);

            var (samples, problem) = SampleChecks.Check(incoming, run.Channels, run.LastTimestamp, options.Value.MaxRowsPerChunk);
            if (samples is null)
                throw new StreamRequestException(problem!, StatusCodes.Status422UnprocessableEntity);

            return await AppendChunkAsync(connection, run, samples, time.GetUtcNow(), ct);
        }, ct);
        recentChunks.Add(chunk);
        wakeups.Wake(assetId);
        return chunk.Rows;
    }

    private async Task<LockedRun> LockLiveRunAsync(NpgsqlConnection connection, int assetId, CancellationToken ct)
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
        LockedRun? run;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
                throw new StreamRequestException($"Asset {assetId} does not exist.", StatusCodes.Status404NotFound);
            var hasModel = reader.GetBoolean(0);
            channels = reader.IsDBNull(1) ? null : reader.GetFieldValue<string[]>(1);
            await reader.NextResultAsync(ct);
            run = await ReadRunAsync(reader, ct);
            if (!hasModel)
                throw new StreamRequestException("This asset has no trained model yet, so there is nothing to score samples with: train one on normal data first.", StatusCodes.Status409Conflict);
        }
        if (channels is null)
            throw new StreamRequestException("The asset's model does not name its training recording, so its channels are unknown.", StatusCodes.Status409Conflict);

        // The live run exists after the asset's first chunk; only the first chunk creates it (concurrent first chunks
        // meet at the unique index) and locks it then. Its channel order is the model's at that moment.
        return run ?? await CreateAndLockLiveRunAsync(connection, assetId, channels, ct);
    }

    private async Task<LockedRun> CreateAndLockLiveRunAsync(NpgsqlConnection connection, int assetId, string[] channels, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                PlainSql.Command("""
                    INSERT INTO stream_runs (id, asset_id, source, state, channels, next_window_index, next_row, speed, "loop", ingested_rows, created_at, updated_at)
                    VALUES ($1, $2, 'Live', 'Running', $3, 0, 0, 1, false, 0, $4, $4)
                    ON CONFLICT (asset_id) WHERE source = 'Live' DO NOTHING
                    """, Guid.NewGuid(), assetId, channels, now),
                LockLiveRunCommand(assetId),
            },
        };
        // The INSERT returns no rows, so the reader starts at the lock's.
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return (await ReadRunAsync(reader, ct))!;
    }

    private static NpgsqlBatchCommand LockLiveRunCommand(int assetId) =>
        PlainSql.Command("SELECT id, channels, last_timestamp, ingested_rows FROM stream_runs WHERE asset_id = $1 AND source = 'Live' FOR UPDATE", assetId);

    private static async Task<LockedRun?> ReadRunAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct)
            ? new LockedRun(reader.GetGuid(0), reader.GetFieldValue<string[]>(1), reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetInt64(3))
            : null;

    /// <summary>The chunk's rows follow the run's last ingested row; the run moves on past them. One round trip.</summary>
    private static async Task<SampleChunk> AppendChunkAsync(NpgsqlConnection connection, LockedRun run, AcceptedSamples samples, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                PlainSql.Command("INSERT INTO sample_chunks (run_id, first_row, rows, \"values\", timestamps, received_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    run.Id, run.IngestedRows, samples.Rows, samples.Values, samples.Timestamps, now),
                PlainSql.Command("UPDATE stream_runs SET ingested_rows = $1, last_timestamp = $2, state = 'Running', updated_at = $3 WHERE id = $4",
                    run.IngestedRows + samples.Rows, samples.Timestamps[^1], now, run.Id),
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        return new SampleChunk { RunId = run.Id, FirstRow = run.IngestedRows, Rows = samples.Rows, Values = samples.Values, Timestamps = samples.Timestamps, ReceivedAt = now };
    }
}
