using KukaPortal.Data.Alarms;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Stores scored windows with binary COPY (an order of magnitude faster than EF inserts) into a
/// temporary table, then moves them into window_scores with ON CONFLICT DO NOTHING, so a batch that is
/// retried after a crash never stores a window twice. Alarm changes go into the same transaction.
/// </summary>
public sealed class ScoreBatchWriter(NpgsqlDataSource dataSource, TimeProvider time, ConditionChangeWriter alarmChanges)
{
    public async Task<StoredBatch> StoreAsync(ScoreBatch batch, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();

        var firstSequence = await ReserveSequencesAsync(connection, batch, ct);
        await CopyToStagingAsync(connection, batch, firstSequence, now, ct);
        var rows = await MoveStagedRowsAsync(connection, ct);

        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(connection).UseSnakeCaseNamingConvention().Options;
        await using var db = new PortalDbContext(options);
        await db.Database.UseTransactionAsync(transaction, ct);
        var alarms = await alarmChanges.ApplyAsync(db, batch, now, ct);

        await transaction.CommitAsync(ct);
        return new StoredBatch(rows, alarms);
    }

    private static async Task<long> ReserveSequencesAsync(NpgsqlConnection connection, ScoreBatch batch, CancellationToken ct)
    {
        // Row lock on the asset: concurrent batches of one asset get disjoint, increasing sequence ranges.
        await using var command = new NpgsqlCommand(
            "UPDATE assets SET last_sequence = last_sequence + @count WHERE id = @asset RETURNING last_sequence", connection);
        command.Parameters.AddWithValue("count", (long)batch.Windows.Count);
        command.Parameters.AddWithValue("asset", batch.AssetId);
        var last = (long)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"Asset {batch.AssetId} does not exist."));
        return last - batch.Windows.Count + 1;
    }

    private static async Task CopyToStagingAsync(NpgsqlConnection connection, ScoreBatch batch, long firstSequence, DateTimeOffset now, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE staged_scores (LIKE window_scores INCLUDING DEFAULTS) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY staged_scores (job_id, window_index, asset_id, model_id, sequence, start_row, end_row, start_seconds, end_seconds, score, calibrated, above_threshold, scored_at) FROM STDIN (FORMAT BINARY)", ct);
        var sequence = firstSequence;
        foreach (var w in batch.Windows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(batch.JobId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(w.WindowIndex, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(batch.AssetId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(batch.ModelId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(sequence++, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(w.StartRow, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(w.EndRow, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(w.StartSeconds, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.EndSeconds, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.Score, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.Calibrated, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(w.AboveThreshold, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task<IReadOnlyList<WindowScoreRow>> MoveStagedRowsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO window_scores SELECT * FROM staged_scores
            ON CONFLICT (job_id, window_index) DO NOTHING
            RETURNING job_id, window_index, asset_id, model_id, sequence, start_row, end_row,
                      start_seconds, end_seconds, score, calibrated, above_threshold, scored_at
            """, connection);
        var rows = new List<WindowScoreRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new WindowScoreRow
            {
                JobId = reader.GetGuid(0), WindowIndex = reader.GetInt32(1), AssetId = reader.GetInt32(2),
                ModelId = reader.GetInt32(3), Sequence = reader.GetInt64(4), StartRow = reader.GetInt32(5),
                EndRow = reader.GetInt32(6), StartSeconds = reader.GetDouble(7), EndSeconds = reader.GetDouble(8),
                Score = reader.GetDouble(9), Calibrated = reader.GetDouble(10), AboveThreshold = reader.GetBoolean(11),
                ScoredAt = reader.GetFieldValue<DateTimeOffset>(12),
            });
        }
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }
}
