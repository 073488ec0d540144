using System.CommandLine;
using System.Globalization;
using KukaPortal.Cli.Commands.Bench.History;
using KukaPortal.Cli.Commands.Bench.Persistence;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench history</c>: how long the history page's queries take on a year of data for many assets.</summary>
public static class BenchHistoryCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection")
        {
            Description = "Npgsql connection string of a PostgreSQL server; the bench creates, seeds and drops a database of its own there.",
            Required = true,
        };
        var assets = new Option<int>("--assets") { Description = "Assets with a year of history each.", DefaultValueFactory = _ => 20 };
        assets.Validators.Add(r => { var v = r.GetValueOrDefault<int>(); if (v < 1 || v > 500) r.AddError($"--assets must be between 1 and 500, not {v}."); });
        var alarms = new Option<int>("--alarms-per-day") { Description = "Alarms per asset and day.", DefaultValueFactory = _ => 10 };
        alarms.Validators.Add(r => { var v = r.GetValueOrDefault<int>(); if (v < 1 || v > 1000) r.AddError($"--alarms-per-day must be between 1 and 1,000, not {v}."); });
        var minuteDays = new Option<int>("--minute-days") { Description = "Days of minute buckets (Scores:RetentionDays).", DefaultValueFactory = _ => 90 };
        minuteDays.Validators.Add(r => { var v = r.GetValueOrDefault<int>(); if (v < 1 || v > 400) r.AddError($"--minute-days must be between 1 and 400, not {v}."); });
        var repeat = new Option<int>("--repeat") { Description = "Timed runs of each query after one warm-up; the best is reported.", DefaultValueFactory = _ => 5 };
        repeat.Validators.Add(r => { var v = r.GetValueOrDefault<int>(); if (v < 1 || v > 100) r.AddError($"--repeat must be between 1 and 100, not {v}."); });

        var command = new Command("history", "Seed a year of score rollups, raw windows and alarms for many assets, and time the history page's queries.")
        {
            connection, assets, alarms, minuteDays, repeat,
        };
        command.SetAction(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            // A whole hour: the seeded data ends there, so every range (the raw 30 minutes too) is full of data.
            var clock = DateTimeOffset.UtcNow;
            var now = new DateTimeOffset(clock.Year, clock.Month, clock.Day, clock.Hour, 0, 0, TimeSpan.Zero);
            var retentionDays = result.GetValue(minuteDays);
            try
            {
                await using var database = await BenchDatabase.CreateAsync(result.GetValue(connection)!, ct);
                await HistorySeed.SeedAsync(database, result.GetValue(assets), retentionDays, result.GetValue(alarms), now, console.Error, ct);
                var timings = await new HistoryBenchSuite(database, now, retentionDays, result.GetValue(repeat)).RunAsync(ct);
                var seeded = string.Create(CultureInfo.InvariantCulture,
                    $"{result.GetValue(assets)} assets; per asset 8,760 hour buckets, {retentionDays * 1440:N0} minute buckets, 86,400 raw windows (last day), {365 * result.GetValue(alarms):N0} alarms.");
                await console.Output.WriteLineAsync(HistoryBenchSuite.Markdown(
                    string.Create(CultureInfo.InvariantCulture, $"kukaportal bench history --connection \"…\" --assets {result.GetValue(assets)} --alarms-per-day {result.GetValue(alarms)} --minute-days {retentionDays} --repeat {result.GetValue(repeat)}"),
                    BenchMachine.Describe(), seeded, timings));
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
