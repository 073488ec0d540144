namespace KukaPortal.Cli.Tests;

/// <summary>A smoke run of <c>bench history</c> on a small seed against the tests' PostgreSQL; no assertion on speed.</summary>
[Collection(BenchDatabaseCollection.Name)]
public class BenchHistoryTests
{
    private static string Server => Environment.GetEnvironmentVariable("KUKAPORTAL_TEST_POSTGRES")
        ?? throw new InvalidOperationException("KUKAPORTAL_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    [Fact]
    public async Task Seeds_and_times_every_query_of_the_history_page_with_the_level_each_used()
    {
        var run = await Cli.RunAsync("bench", "history", "--connection", Server, "--assets", "2", "--alarms-per-day", "2", "--minute-days", "2", "--repeat", "1");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.OutputLines.ShouldContain("| Query | Rows returned | Best ms |");
        run.OutputLines.ShouldContain(l => l.StartsWith("| Score history, 1 asset × 30 minutes (raw, 0 s points) | 1,800 |", StringComparison.Ordinal));
        run.OutputLines.ShouldContain(l => l.StartsWith("| Score history, 1 asset × 1 year (hour, 18000 s points) |", StringComparison.Ordinal));
        run.OutputLines.ShouldContain(l => l.StartsWith("| Alarm KPIs + rate series, all assets × 1 year | 1,460 |", StringComparison.Ordinal));
    }
}
