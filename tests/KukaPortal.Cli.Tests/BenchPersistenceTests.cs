using Npgsql;

namespace KukaPortal.Cli.Tests;

/// <summary>
/// Smoke tests against the PostgreSQL that ./test.sh starts (KUKAPORTAL_TEST_POSTGRES); nothing here asserts
/// on speed, which depends on the machine.
/// </summary>
[Collection(BenchDatabaseCollection.Name)]
public class BenchPersistenceTests
{
    private const string Variable = "KUKAPORTAL_TEST_POSTGRES";

    private static string Server => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    [Fact]
    public async Task Stores_through_both_paths_prints_rows_per_second_and_drops_its_database()
    {
        var before = await BenchDatabasesAsync();

        var run = await Cli.RunAsync("bench", "persistence", "--connection", Server, "--rows", "300", "--batch", "100", "--alarms", "3");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("Command: `kukaportal bench persistence --connection \"…\" --rows 300 --batch 100 --alarms 3`");
        run.Output.ShouldNotContain(new NpgsqlConnectionStringBuilder(Server).Password!);
        run.OutputLines.ShouldContain("| Path | Rows | Batch | Seconds | Client CPU s | Rows/s | Target |");
        var rows = run.OutputLines.Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains(" | 300 | 100 | ")).ToArray();
        rows.Select(line => line.Split(" | ")[0]).ShouldBe(["| ScoreBatchWriter (binary COPY)", "| EF Core SaveChanges"]);
        rows[0].ShouldContain("≥ 100,000 rows/s");
        // Every alarm is raised, cleared and acknowledged through the portal's alarm code: 3 of each, 9 in all.
        var transitions = run.OutputLines.Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains("` | ")).ToArray();
        transitions.Select(line => line.Split(" | ")[0] + " | " + line.Split(" | ")[2]).ShouldBe(["| Raise | 3", "| Clear | 3", "| Acknowledge | 3", "| All three | 9"]);
        (await BenchDatabasesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Says_which_server_it_could_not_use()
    {
        var run = await Cli.RunAsync("bench", "persistence", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("Could not create a throwaway database on 127.0.0.1:1");
    }

    private static async Task<List<string>> BenchDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'kukaportal_bench_%' ORDER BY 1", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
