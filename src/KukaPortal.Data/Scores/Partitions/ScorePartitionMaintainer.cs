using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KukaPortal.Data.Scores.Partitions;

/// <summary>
/// Makes sure the day partitions a batch needs exist before its COPY. Days known to exist are cached, so the
/// usual batch costs no round trip. Creation runs in its own short transaction, not the writer's: creating a
/// partition locks the parent table exclusively, and holding that for the whole batch would block readers.
/// Two writers (or processes) racing for a new day serialise on an advisory lock, and the loser's
/// <c>IF NOT EXISTS</c> finds the winner's table.
/// </summary>
public sealed class ScorePartitionMaintainer(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<DateOnly, byte> known = new();

    public async Task EnsureAsync(IEnumerable<DateTimeOffset> times, CancellationToken ct)
    {
        var missing = times.Select(ScorePartition.Of).Distinct().Where(p => !known.ContainsKey(p.Day)).ToList();
        if (missing.Count == 0) return;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // IF NOT EXISTS makes a re-run after a transient failure harmless.
        await db.InTransactionAsync(async attemptCt =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await LockDdlAsync(connection, attemptCt);
            foreach (var partition in missing)
            {
                await using var create = new NpgsqlCommand(partition.CreateSql(), connection);
                await create.ExecuteNonQueryAsync(attemptCt);
            }
        }, ct);
        foreach (var partition in missing) known[partition.Day] = 0;
    }

    /// <summary>Retention dropped this day: the next window of it (unexpected, but possible) recreates it.</summary>
    public void Forget(DateOnly day) => known.TryRemove(day, out _);

    internal static async Task LockDdlAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", ScorePartition.DdlLockKey);
        await command.ExecuteNonQueryAsync(ct);
    }
}
