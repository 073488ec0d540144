using KukaPortal.Data;
using KukaPortal.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KukaPortal.Web.Hosting;

public static class DataExtensions
{
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        DependencyInjection.AddPortalData(builder);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        return builder;
    }

    /// <summary>Migrates the schema when configured to, then makes sure roles and the first administrator exist.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await CreateDatabaseIfMissingAsync(app.Configuration.GetConnectionString(DependencyInjection.ConnectionName)!);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            // Likewise, EF reads the history table before creating it; creating it first keeps the log clean.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
            await db.Database.MigrateAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirstRunSeeder>().SeedAsync();
    }

    /// <summary>
    /// EF would create a missing database too, but only after logging a failed connection as an
    /// error, which on a first run looks like a fault to whoever reads the log.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("The Portal connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is not null) return;
        var quoted = "\"" + name.Replace("\"", "\"\"") + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync();
    }
}
