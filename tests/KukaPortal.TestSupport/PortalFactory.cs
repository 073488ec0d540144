using KukaPortal.Data;
using KukaPortal.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Xunit;

namespace KukaPortal.TestSupport;

/// <summary>
/// The real portal (real PostgreSQL, real worker, real TorchSharp) on a database of its own, with
/// training settings small enough for tests. <see cref="ResetAsync"/> empties every table between tests.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Test-Admin-Password-1";

    private readonly string _database;
    private readonly string _storage;
    private readonly bool _ownsDatabase;
    private Respawner? _respawner;

    public PortalFactory()
        : this($"kukaportal_test_{Guid.NewGuid():N}", Path.Combine(Path.GetTempPath(), $"kukaportal-test-blobs-{Guid.NewGuid():N}"), ownsDatabase: true)
    {
    }

    /// <param name="ownsDatabase">False for a further node on another portal's database and storage: it drops neither.</param>
    protected PortalFactory(string database, string storage, bool ownsDatabase)
    {
        _database = database;
        _storage = storage;
        _ownsDatabase = ownsDatabase;
    }

    public string Database => _database;

    public string ConnectionString => TestPostgres.DatabaseConnectionString(_database);
    public string StorageRoot => _storage;

    /// <summary>Settings a test class may change before the host starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Portal"] = ConnectionString,
        ["Storage:Root"] = _storage,
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Portal:MigrateOnStartup"] = "true",
        // One torch thread: with two, libtorch's OpenMP workers spin against whatever else the 2-core
        // machine runs (the browser, PostgreSQL, the build) and training slows down many times over.
        ["Torch:Threads"] = "1",
        ["Training:Window"] = "16",
        ["Training:Latent"] = "8",
        ["Training:BaseWidth"] = "8",
        ["Training:Iterations"] = "1000",
        ["Training:BatchSize"] = "32",
        ["Worker:ScoringBatchSize"] = "16",
        ["Worker:PollInterval"] = "00:00:00.500",
        ["Worker:RetryDelay"] = "00:00:00.200",
        ["Worker:CheckpointEvery"] = "100",
        // Expired shelves are found within a fifth of a second, so expiry tests wait briefly.
        ["Alarms:ShelfExpiryPollInterval"] = "00:00:00.200",
        ["Streaming:PollInterval"] = "00:00:00.500",
        ["Streaming:Tick"] = "00:00:00.100",
        ["Streaming:StaleAfter"] = "00:00:02",
        // Every test signs in from the same (absent) client address; the limit has a test of its own.
        ["Security:SignInAttemptsPerMinute"] = "100000",
        // Tests create their own assets; the self-running demo would add one of its own and train on it.
        ["Demo:Enabled"] = "false",
    };

    /// <summary>This portal's settings, for starting a real OS process of it (see the integration tests' PortalProcess).</summary>
    public IReadOnlyDictionary<string, string?> SettingsForAnotherProcess() => new Dictionary<string, string?>(Settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public virtual async ValueTask InitializeAsync()
    {
        _ = Services; // starts the host: migrations and first-run seeding happen here
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    /// <summary>Empties every table, then recreates the roles and the administrator as on a first run.</summary>
    public async Task ResetAsync()
    {
        // The previous test may have left background work writing (a scoring job finishing its last batch). When its
        // transaction and the reset's deletes lock the same rows in opposite orders, PostgreSQL aborts one of them as a
        // deadlock victim; if that is the reset, it runs again (the writer's rows are gone once it commits or fails).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await _respawner!.ResetAsync(connection);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
            }
        }
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirstRunSeeder>().SeedAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(_database);
            if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
