using KukaPortal.Data.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores.History;
using KukaPortal.Data.Scores.Partitions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Stores scored windows with binary COPY (an order of magnitude faster than EF inserts) into a
/// straight into the day-partitioned window_scores, skipping the windows an earlier attempt of the batch
/// stored, so a retried batch never stores a window twice. Alarm changes (and a stream's progress) go into the same transaction.
/// </summary>
public sealed class ScoreBatchWriter(IDbContextFactory<PortalDbContext> dbFactory, ScorePartitionMaintainer partitions, TimeProvider time, ConditionChangeWriter alarmChanges)
{
    private const string Columns =
        "run_id, window_index, at, asset_id, model_id, sequence, start_row, end_row, start_seconds, end_seconds, score, calibrated, above_threshold, scored_at, channel_contributions";

    public async Task<StoredBatch> StoreAsync(ScoreBatch batch, CancellationToken ct)
    {
        // Outside the transaction: creating a partition locks window_scores exclusively (see the maintainer).
        await partitions.EnsureAsync(batch.Windows.Select(w => w.At), ct);

        // On a transient error (the database restarting) the whole batch runs again. That is safe: a retry stores
        // only the windows no earlier attempt committed, and applies only their alarm changes.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(attemptCt => StoreOnceAsync(db, batch, attemptCt), ct);
    }

    private async Task<StoredBatch> StoreOnceAsync(PortalDbContext db, ScoreBatch batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var now = RunClock.TruncateToMicroseconds(time.GetUtcNow());

        // The asset row lock is held to commit, and every writer of a run takes it (a run belongs to one
        // asset). So no one can store this run's windows between the check below and the COPY: a retried
        // batch stores only what is missing, takes no sequence numbers for the rest, and never hits the
        // unique key (run_id, window_index, at), which remains the last guard.
        var (lastSequence, stored) = await LockAssetAndFindStoredAsync(connection, batch, ct);
        var fresh = batch.Windows.Where(w => !stored.Contains(w.WindowIndex)).DistinctBy(w => w.WindowIndex).OrderBy(w => w.WindowIndex).ToList();
        var rows = ToRows(batch, fresh, lastSequence + 1, now);

        // The round trips are the cost of a live stream's batch of a window or two: one for the lock and the check, one for
        // the rows with everything after them (the sequence, the rollups, the stream's position), the commit. A batch
        // above InsertedUpTo windows sends its rows by COPY first (two round trips more, far faster per row).
        await using var closing = new NpgsqlBatch(connection);
        if (rows.Count > 0)
        {
            if (rows.Count <= InsertedUpTo) closing.BatchCommands.Add(Insert(rows, fresh));
            else await CopyAsync(connection, rows, fresh, ct);
            if (batch.Images is { Count: > 0 } images)
            {
                var copied = fresh.Select(w => w.WindowIndex).ToHashSet();
                await InspectionImageWriter.InsertAsync(connection, batch, images.Where(i => copied.Contains(i.WindowIndex)).ToList(), ct);
            }
            closing.BatchCommands.Add(AdvanceSequence(batch.AssetId, rows[^1].Sequence));
            // Only the rows just copied: a re-sent batch's stored windows are in neither list.
            closing.BatchCommands.Add(ScoreRollupWriter.Command(batch.AssetId, rows));
        }
        if (batch.Progress is { } progress)
            foreach (var command in progress.Commands(batch.RunId, now)) closing.BatchCommands.Add(command);
        if (closing.BatchCommands.Count > 0)
            await closing.ExecuteNonQueryAsync(ct);

        // Windows stored earlier had their alarm changes applied in the same commit; applying them again (a commit
        // that succeeded but was reported lost, then retried) would raise a second alarm for one condition.
        var unstored = OnlyFresh(batch, fresh);
        var alarms = AffectsAlarms(unstored) ? await alarmChanges.ApplyAsync(db, unstored, now, ct) : [];
        return new StoredBatch(rows, alarms);
    }

    private static ScoreBatch OnlyFresh(ScoreBatch batch, IReadOnlyList<ScoredWindow> fresh)
    {
        if (fresh.Count == batch.Windows.Count) return batch;
        var indexes = fresh.Select(w => w.WindowIndex).ToHashSet();
        return batch with { Windows = fresh, ConditionChanges = batch.ConditionChanges.Where(c => indexes.Contains(c.WindowIndex)).ToList() };
    }

    /// <summary>
    /// Only a condition change or a window above the threshold (which may raise an open alarm's peak) can
    /// change an alarm; the usual batch of normal windows skips the alarm queries altogether.
    /// </summary>
    private static bool AffectsAlarms(ScoreBatch batch) =>
        batch.ConditionChanges.Count > 0 || batch.Windows.Any(w => w.AboveThreshold);

    /// <summary>
    /// Time-series windows that change no alarm can be scored again from the stored recording or samples: a job
    /// resumes after its last stored window, a stream from the progress saved with its windows. An alarm (an operator may have seen it) and a live image's record
    /// (it may be the only one) cannot.
    /// </summary>
    private static bool CanBeScoredAgain(ScoreBatch batch) => !AffectsAlarms(batch) && batch.Images is not { Count: > 0 };

    /// <summary>
    /// One round trip: the commit's durability (below), the asset row's lock with its last sequence, and which of the
    /// batch's windows an earlier attempt stored (the time bounds let PostgreSQL skip other days' partitions).
    /// </summary>
    private static async Task<(long LastSequence, HashSet<int> Stored)> LockAssetAndFindStoredAsync(NpgsqlConnection connection, ScoreBatch batch, CancellationToken ct)
    {
        await using var round = new NpgsqlBatch(connection);
        var withoutWaiting = CanBeScoredAgain(batch);
        if (withoutWaiting) round.BatchCommands.Add(CommitWithoutWaitingForTheDisk());
        round.BatchCommands.Add(PlainSql.Command("SELECT last_sequence FROM assets WHERE id = $1 FOR UPDATE", batch.AssetId));
        var windows = batch.Windows.Count > 0;
        if (windows)
            round.BatchCommands.Add(PlainSql.Command("""
                SELECT window_index FROM window_scores
                WHERE run_id = $1 AND at BETWEEN $2 AND $3 AND window_index BETWEEN $4 AND $5
                """, batch.RunId, batch.Windows.Min(w => w.At), batch.Windows.Max(w => w.At),
                batch.Windows.Min(w => w.WindowIndex), batch.Windows.Max(w => w.WindowIndex)));

        await using var reader = await round.ExecuteReaderAsync(ct);
        if (withoutWaiting) await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Asset {batch.AssetId} does not exist.");
        var lastSequence = reader.GetInt64(0);
        var stored = new HashSet<int>();
        if (windows && await reader.NextResultAsync(ct))
            while (await reader.ReadAsync(ct)) stored.Add(reader.GetInt32(0));
        return (lastSequence, stored);
    }

    /// <summary>
    /// The commit does not wait for the disk (ADR 0009): the next synchronous commit (a job's end, an ingested chunk,
    /// any alarm batch) makes it durable with everything before it, so a database crash can lose only the last fraction
    /// of a second of such batches, whole, never half of one. <c>set_config(…, true)</c> is <c>SET LOCAL</c> as a query,
    /// so that it answers with a row like the lock that follows it in the same round trip.
    /// </summary>
    private static NpgsqlBatchCommand CommitWithoutWaitingForTheDisk() => new("SELECT set_config('synchronous_commit', 'off', true)");

    private static NpgsqlBatchCommand AdvanceSequence(int assetId, long last) =>
        PlainSql.Command("UPDATE assets SET last_sequence = $1 WHERE id = $2", last, assetId);

    /// <summary>Sequences follow window order.</summary>
    private static List<WindowScoreRow> ToRows(ScoreBatch batch, IReadOnlyList<ScoredWindow> fresh, long firstSequence, DateTimeOffset now) =>
        fresh.Select((w, i) => new WindowScoreRow
        {
            RunId = batch.RunId, WindowIndex = w.WindowIndex, At = w.At, AssetId = batch.AssetId, ModelId = batch.ModelId,
            Sequence = firstSequence + i, StartRow = w.StartRow, EndRow = w.EndRow, StartSeconds = w.StartSeconds,
            EndSeconds = w.EndSeconds, Score = w.Score, Calibrated = w.Calibrated, AboveThreshold = w.AboveThreshold, ScoredAt = now,
        }).ToList();

    /// <summary>Up to this many windows a batch's rows go in one INSERT with the closing statements; above, by COPY.</summary>
    public const int InsertedUpTo = 64;

    /// <summary>The rows as one INSERT of arrays, for the closing round trip; the table routes each row to its day as with COPY.</summary>
    private static NpgsqlBatchCommand Insert(IReadOnlyList<WindowScoreRow> rows, IReadOnlyList<ScoredWindow> windows) => PlainSql.Command($"""
        INSERT INTO window_scores ({Columns})
        SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::bigint[], $7::int[], $8::int[],
                             $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::bool[], $14::timestamptz[], $15::bytea[])
        """,
        rows.Select(r => r.RunId).ToArray(), rows.Select(r => r.WindowIndex).ToArray(), rows.Select(r => r.At.UtcDateTime).ToArray(),
        rows.Select(r => r.AssetId).ToArray(), rows.Select(r => r.ModelId).ToArray(), rows.Select(r => r.Sequence).ToArray(),
        rows.Select(r => r.StartRow).ToArray(), rows.Select(r => r.EndRow).ToArray(), rows.Select(r => r.StartSeconds).ToArray(),
        rows.Select(r => r.EndSeconds).ToArray(), rows.Select(r => r.Score).ToArray(), rows.Select(r => r.Calibrated).ToArray(),
        rows.Select(r => r.AboveThreshold).ToArray(), rows.Select(r => r.ScoredAt.UtcDateTime).ToArray(),
        windows.Select(w => w.ChannelErrors is { } errors ? ContributionCodec.Encode(errors) : null).ToArray());

    /// <summary>Binary COPY straight into the partitioned table, which routes each row to its day.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<WindowScoreRow> rows, IReadOnlyList<ScoredWindow> windows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY window_scores ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(r.RunId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(r.WindowIndex, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.At, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(r.AssetId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.ModelId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.Sequence, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(r.StartRow, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.EndRow, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(r.StartSeconds, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(r.EndSeconds, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(r.Score, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(r.Calibrated, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(r.AboveThreshold, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(r.ScoredAt, NpgsqlDbType.TimestampTz, ct);
            if (windows[i].ChannelErrors is { } errors && ContributionCodec.Encode(errors) is { } contributions)
                await importer.WriteAsync(contributions, NpgsqlDbType.Bytea, ct);
            else
                await importer.WriteNullAsync(ct);
        }
        await importer.CompleteAsync(ct);
    }
}
