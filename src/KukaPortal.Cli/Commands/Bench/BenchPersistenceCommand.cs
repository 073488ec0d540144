using System.CommandLine;
using System.Globalization;
using KukaPortal.Cli.Commands.Bench.Persistence;
using Npgsql;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench persistence</c>: rows/s of window-score storage, the portal's COPY writer against EF SaveChanges.</summary>
public static class BenchPersistenceCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection")
        {
            Description = "Npgsql connection string of a PostgreSQL server; the bench creates, migrates and drops a database of its own there.",
            Required = true,
        };
        var rows = new Option<int>("--rows") { Description = "Windows stored by each path.", DefaultValueFactory = _ => 200_000 };
        rows.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > 10_000_000) result.AddError($"--rows must be between 1 and 10,000,000, not {value}.");
        });
        var batch = new Option<int>("--batch") { Description = "Windows per stored batch (one transaction each).", DefaultValueFactory = _ => 2000 };
        batch.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > 100_000) result.AddError($"--batch must be between 1 and 100,000, not {value}.");
        });

        var alarms = new Option<int>("--alarms") { Description = "Alarms raised, cleared and acknowledged for the alarm transitions/s figure.", DefaultValueFactory = _ => 500 };
        alarms.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > 100_000) result.AddError($"--alarms must be between 1 and 100,000, not {value}.");
        });

        var command = new Command("persistence", "Measure how many scored windows per second the portal stores (binary COPY) and compare with EF Core SaveChanges; then alarm transitions per second.")
        {
            connection, rows, batch, alarms,
        };
        command.SetAction(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            var rowCount = result.GetValue(rows);
            var batchSize = result.GetValue(batch);
            try
            {
                await using var database = await BenchDatabase.CreateAsync(result.GetValue(connection)!, ct);
                var results = await new PersistenceBenchSuite(database, rowCount, batchSize, console.Error, ct).RunAsync();
                var alarmCount = result.GetValue(alarms);
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Alarm transitions: {alarmCount:N0} alarms raised, cleared and acknowledged …"));
                var transitions = await new AlarmTransitionBench(database, PersistenceBenchSuite.Writer(database), alarmCount, ct).RunAsync();
                var server = new NpgsqlConnectionStringBuilder(result.GetValue(connection));
                await console.Output.WriteLineAsync(PersistenceBenchMarkdown.Render(
                    string.Create(CultureInfo.InvariantCulture, $"kukaportal bench persistence --connection \"…\" --rows {rowCount} --batch {batchSize} --alarms {alarmCount}"),
                    BenchMachine.Describe(), $"PostgreSQL at {server.Host}:{server.Port}", results, transitions));
                return ExitCodes.Ok;
            }
            catch (BenchSetupException e)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
