using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KukaPortal.Data.Scores.Partitions;

/// <summary>
/// Drops the day partitions of window_scores that lie wholly before the retention horizon (now − RetentionDays).
/// Dropping a partition is instant and leaves no dead rows to vacuum, unlike DELETE. Each partition is
/// DETACHed and DROPped in one short transaction under the DDL advisory lock; DETACH … CONCURRENTLY would
/// lock less but cannot run inside a transaction, and these locks last milliseconds once an hour.
/// </summary>
public sealed class ScorePartitionRetention(
    NpgsqlDataSource dataSource, IDbContextFactory<PortalDbContext> dbFactory, ScorePartitionMaintainer maintainer, IOptions<ScoreOptions> options)
{
    public async Task<IReadOnlyList<string>> DropExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(-options.Value.RetentionDays);
        var dropped = new List<string>();
        IReadOnlyList<ScorePartition> partitions;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            partitions = await ListAsync(connection, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var partition in partitions.Where(p => p.To <= horizon))
        {
            var droppedNow = await db.InTransactionAsync(async attemptCt =>
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await ScorePartitionMaintainer.LockDdlAsync(connection, attemptCt);
                // Another process's retention (or an attempt whose commit was reported lost) may have dropped it already.
                if (!await ExistsAsync(connection, partition, attemptCt)) return false;
                await using var detach = new NpgsqlCommand($"ALTER TABLE {ScorePartition.Parent} DETACH PARTITION {partition.Name}; DROP TABLE {partition.Name}", connection);
                await detach.ExecuteNonQueryAsync(attemptCt);
                return true;
            }, ct);
            if (droppedNow) dropped.Add(partition.Name);
            maintainer.Forget(partition.Day);
        }
        return dropped;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, ScorePartition partition, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
        command.Parameters.AddWithValue("name", partition.Name);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The day partitions attached to window_scores now, oldest first.</summary>
    public static async Task<IReadOnlyList<ScorePartition>> ListAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = @parent::regclass", connection);
        command.Parameters.AddWithValue("parent", ScorePartition.Parent);
        var partitions = new List<ScorePartition>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (ScorePartition.TryParse(reader.GetString(0)) is { } partition) partitions.Add(partition);
        }
        partitions.Sort((a, b) => a.Day.CompareTo(b.Day));
        return partitions;
    }
}
