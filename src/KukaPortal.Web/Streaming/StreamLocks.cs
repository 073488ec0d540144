using Npgsql;

namespace KukaPortal.Web.Streaming;

/// <summary>
/// One owner per asset across nodes: a PostgreSQL session advisory lock, held on a connection of its
/// own for as long as the node runs the asset's stream. If the node dies its connection drops and
/// PostgreSQL frees the lock, so another node's poll takes the asset over. The connections are not
/// pooled: a pooled connection would go back to the pool still holding the lock.
/// </summary>
public sealed class StreamLocks(string connectionString)
{
    /// <summary>First key of the two-key advisory lock, so stream locks never collide with other advisory locks.</summary>
    private const int LockSpace = 0x4B505331; // "KPS1"

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>The lock on the asset's stream, or null when another session holds it.</summary>
    public async Task<AssetStreamLock?> TryAcquireAsync(int assetId, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @asset)", connection);
            command.Parameters.AddWithValue("space", LockSpace);
            command.Parameters.AddWithValue("asset", assetId);
            if ((bool)(await command.ExecuteScalarAsync(ct))!)
                return new AssetStreamLock(assetId, LockSpace, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }
}

/// <summary>A held stream lock. Disposing releases it (closing the connection would too).</summary>
public sealed class AssetStreamLock(int assetId, int space, NpgsqlConnection connection) : IAsyncDisposable
{
    public int AssetId => assetId;

    /// <summary>False once the lock's connection is gone: the lock is then free for others and this node must stop.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, @asset)", connection);
            command.Parameters.AddWithValue("space", space);
            command.Parameters.AddWithValue("asset", assetId);
            await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is already gone, and the lock with it.
        }
        await connection.DisposeAsync();
    }
}
