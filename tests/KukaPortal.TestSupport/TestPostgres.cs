using Npgsql;

namespace KukaPortal.TestSupport;

/// <summary>
/// The PostgreSQL server that ./test.sh starts (KUKAPORTAL_TEST_POSTGRES). Each test host gets a
/// database of its own on it, dropped when the host is disposed.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "KUKAPORTAL_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(
            $"{Variable} is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
