using KukaPortal.Data;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KukaPortal.Cli.Commands.Bench.Persistence;

/// <summary>
/// A throwaway database on the server the bench was pointed at: created with a fresh name, migrated to the
/// portal's schema, given one asset and model, and dropped at the end. The bench never writes to an
/// existing database, so pointing it at a production server cannot touch the portal's data.
/// </summary>
public sealed class BenchDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly string adminConnectionString;

    private BenchDatabase(string adminConnectionString, string name, NpgsqlDataSource dataSource)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }
    public NpgsqlDataSource DataSource { get; }
    public int AssetId { get; private set; }
    public int ModelId { get; private set; }

    public static async Task<BenchDatabase> CreateAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnectionStringBuilder server;
        try
        {
            server = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new BenchSetupException($"--connection is not an Npgsql connection string: {e.Message}");
        }
        var name = $"kukaportal_bench_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = server.Database ?? "postgres", Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException e)
        {
            throw new BenchSetupException($"Could not create a throwaway database on {server.Host}:{server.Port} (the bench needs CREATEDB): {e.Message}");
        }

        var dataSource = PortalDataSource.Build(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString);
        var database = new BenchDatabase(admin, name, dataSource);
        try
        {
            await database.MigrateAndSeedAsync(ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public PortalDbContext CreateDbContext() => CreateContext();

    public PortalDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DependencyInjection.Configure(options, DataSource);
        return new PortalDbContext(options.Options);
    }

    private async Task MigrateAndSeedAsync(CancellationToken ct)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        var asset = new Asset { Name = "Bench robot", CreatedAt = DateTimeOffset.UtcNow };
        db.Assets.Add(asset);
        await db.SaveChangesAsync(ct);
        var model = new DetectorModel
        {
            AssetId = asset.Id, Version = 1, Family = "conv-ae", ArtifactKey = "bench/none.kpm", Threshold = 1, Window = 50,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync(ct);
        (AssetId, ModelId) = (asset.Id, model.Id);
    }

    public async Task<long> CountRowsAsync(Guid runId, CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM window_scores WHERE run_id = @run");
        command.Parameters.AddWithValue("run", runId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The bench could not get a database to measure on; the message says why.</summary>
public sealed class BenchSetupException(string message) : Exception(message);
