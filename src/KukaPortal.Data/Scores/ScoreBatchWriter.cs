using KukaPortal.Data.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores.Partitions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Stores scored windows with binary COPY (an order of magnitude faster than EF inserts) into a
/// temporary table, then moves them into window_scores with ON CONFLICT DO NOTHING, so a batch that is
/// retried after a crash never stores a window twice. Alarm changes go into the same transaction.
/// </summary>
public sealed class ScoreBatchWriter(NpgsqlDataSource dataSource, ScorePartitionMaintainer partitions, TimeProvider time, ConditionChangeWriter alarmChanges)
{
    private const string Columns =
        "run_id, window_index, at, asset_id, model_id, sequence, start_row, end_row, start_seconds, end_seconds, score, calibrated, above_threshold, scored_at, channel_contributions";

    public async Task<StoredBatch> StoreAsync(ScoreBatch batch, CancellationToken ct)
    {
        // Outside the transaction: creating a partition locks window_scores exclusively (see the maintainer).
        await partitions.EnsureAsync(batch.Windows.Select(w => w.At), ct);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();

        await CopyToStagingAsync(connection, batch, now, ct);
        var fresh = await DropAlreadyStoredAsync(connection, batch.Windows.Count, ct);
        var firstSequence = await ReserveSequencesAsync(connection, batch.AssetId, fresh, ct);
        var rows = await MoveStagedRowsAsync(connection, batch, firstSequence, now, ct);

        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(connection).UseSnakeCaseNamingConvention().Options;
        await using var db = new PortalDbContext(options);
        await db.Database.UseTransactionAsync(transaction, ct);
        var alarms = await alarmChanges.ApplyAsync(db, batch, now, ct);

        await transaction.CommitAsync(ct);
        return new StoredBatch(rows, alarms);
    }

    private static async Task CopyToStagingAsync(NpgsqlConnection connection, ScoreBatch batch, DateTimeOffset now, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE staged_scores (LIKE window_scores INCLUDING DEFAULTS) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);

        // Sequence numbers are handed out later, only to windows not stored yet; 0 is a placeholder.
        await using var importer = await connection.BeginBinaryImportAsync($"COPY staged_scores ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var w in batch.Windows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(batch.RunId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(w.WindowIndex, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(w.At, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(batch.AssetId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(batch.ModelId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(0L, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(w.StartRow, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(w.EndRow, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(w.StartSeconds, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.EndSeconds, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.Score, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.Calibrated, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.AboveThreshold, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            if (w.ChannelErrors is { } errors && ContributionCodec.Encode(errors) is { } contributions)
                await importer.WriteAsync(contributions, NpgsqlDbType.Bytea, ct);
            else
                await importer.WriteNullAsync(ct);
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// Removes the windows a previous attempt already stored, so a retried batch takes no sequence numbers
    /// (a gap in sequences is harmless to clients, but needless). Returns how many windows are left.
    /// </summary>
    private static async Task<int> DropAlreadyStoredAsync(NpgsqlConnection connection, int staged, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            DELETE FROM staged_scores s USING window_scores w
            WHERE w.run_id = s.run_id AND w.window_index = s.window_index AND w.at = s.at
            """, connection);
        return staged - await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ReserveSequencesAsync(NpgsqlConnection connection, int assetId, int count, CancellationToken ct)
    {
        // Row lock on the asset until commit: concurrent batches of one asset get disjoint, increasing
        // sequence ranges. This lock, not an index, keeps (asset_id, sequence) unique.
        await using var command = new NpgsqlCommand(
            "UPDATE assets SET last_sequence = last_sequence + @count WHERE id = @asset RETURNING last_sequence", connection);
        command.Parameters.AddWithValue("count", (long)count);
        command.Parameters.AddWithValue("asset", assetId);
        var last = (long)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"Asset {assetId} does not exist."));
        return last - count + 1;
    }

    /// <summary>
    /// Moves the staged windows into window_scores and returns the ones stored by this call, in sequence order.
    /// Only the key and the sequence come back from the server; the rest is in memory already (reading
    /// every column back, contributions included, cost a third of the batch's time).
    /// </summary>
    private static async Task<IReadOnlyList<WindowScoreRow>> MoveStagedRowsAsync(
        NpgsqlConnection connection, ScoreBatch batch, long firstSequence, DateTimeOffset now, CancellationToken ct)
    {
        // Sequences follow window order. ON CONFLICT still guards against a second attempt of the same
        // batch committing between our DELETE and INSERT.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO window_scores ({Columns})
            SELECT run_id, window_index, at, asset_id, model_id,
                   @first + row_number() OVER (ORDER BY window_index) - 1,
                   start_row, end_row, start_seconds, end_seconds, score, calibrated, above_threshold, scored_at, channel_contributions
            FROM staged_scores
            ON CONFLICT (run_id, window_index, at) DO NOTHING
            RETURNING window_index, sequence
            """, connection);
        command.Parameters.AddWithValue("first", firstSequence);
        var windows = new Dictionary<int, ScoredWindow>(batch.Windows.Count);
        foreach (var w in batch.Windows) windows.TryAdd(w.WindowIndex, w);

        var rows = new List<WindowScoreRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var w = windows[reader.GetInt32(0)];
            rows.Add(new WindowScoreRow
            {
                RunId = batch.RunId, WindowIndex = w.WindowIndex, At = w.At, AssetId = batch.AssetId, ModelId = batch.ModelId,
                Sequence = reader.GetInt64(1), StartRow = w.StartRow, EndRow = w.EndRow, StartSeconds = w.StartSeconds,
                EndSeconds = w.EndSeconds, Score = w.Score, Calibrated = w.Calibrated, AboveThreshold = w.AboveThreshold,
                ScoredAt = RunClock.TruncateToMicroseconds(now),
            });
        }
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }
}
