using System.CommandLine;
using System.Globalization;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench import</c>: read and import throughput of CSV, NPY and Parquet against issue 3's targets.</summary>
public static class BenchImportCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows")
        {
            Description = "Rows of the simulated recording (86 channels); the default is the size of the KUKA data set.",
            DefaultValueFactory = _ => BenchImportSuite.KukaRows,
        };
        rows.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > RobotSimulationOptions.MaxRows)
                result.AddError($"--rows must be between 1 and {RobotSimulationOptions.MaxRows}, not {value}.");
        });
        var repeat = new Option<int>("--repeat") { Description = "Timed runs of each measurement after one warm-up; the best one counts.", DefaultValueFactory = _ => 5 };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--repeat must be at least 1.");
        });
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of a Markdown table." };

        var command = new Command("import", "Measure CSV, NPY and Parquet read throughput and the in-process import of a KUKA-sized recording.")
        {
            rows, repeat, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            var rowCount = result.GetValue(rows);
            var runs = result.GetValue(repeat);
            // Progress goes to the error stream so that the output stays pure Markdown or JSON.
            var results = await BenchImportSuite.RunAsync(rowCount, runs, console.Error, ct);
            var report = new BenchReport("import", string.Create(CultureInfo.InvariantCulture, $"kukaportal bench import --rows {rowCount} --repeat {runs}"),
                DateTimeOffset.UtcNow, BenchMachine.Describe(), runs, results);
            await console.Output.WriteLineAsync(result.GetValue(json) ? BenchJson.Serialize(report) : BenchMarkdown.Render(report));
            return ExitCodes.Ok;
        });
        return command;
    }
}
