using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KukaPortal.Cli.Commands.Training;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>
/// <c>experiment tep</c> and <c>experiment cnc</c>: every requested family trained and scored on a public
/// benchmark under one protocol, written as <c>NAME.md</c> (the tables of docs/model-quality.md) and
/// <c>NAME.json</c> (every number).
/// </summary>
internal static class DatasetBenchmarkCommand
{
    public static Command Tep()
    {
        var options = new BenchmarkOptions();
        var command = new Command("tep", "Compare detectors on the Tennessee Eastman process: detection and false-alarm rate per fault.");
        options.AddTo(command);
        command.SetAction(VerbAction.Of((result, ct) =>
            RunAsync(result, options, "tennessee-eastman", _ => Task.FromResult(TennesseeEastmanData.Load(Existing(result.GetValue(options.Data)!))), ct)));
        return command;
    }

    public static Command Cnc()
    {
        var options = new BenchmarkOptions();
        var trainRuns = new Option<string>("--train-runs") { Description = "Unworn runs to train on.", DefaultValueFactory = _ => "1,2,3,4,5" };
        var command = new Command("cnc", "Compare detectors on the CNC milling runs: train on unworn runs, test on the other unworn and all worn runs.") { trainRuns };
        options.AddTo(command);
        command.SetAction(VerbAction.Of((result, ct) =>
            RunAsync(result, options, "cnc-milling",
                token => CncMillingData.LoadAsync(Existing(result.GetValue(options.Data)!), NumberList.Integers(result.GetValue(trainRuns)!, "--train-runs"), token), ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, BenchmarkOptions options, string name,
        Func<CancellationToken, Task<BenchmarkData>> load, CancellationToken ct)
    {
        var settings = options.Settings(result);
        var data = await load(ct);
        var output = result.InvocationConfiguration.Output;
        var torch = TorchOptions.Start(result.GetValue(options.Device));
        await output.WriteLineAsync($"{data.Name}: {data.Training.Rows:N0} training rows × {data.Training.ChannelCount} channels, {data.Cases.Count} test cases, device {torch.DeviceType}.");

        // Torch work runs synchronously on this thread, model after model (GUIDE §4).
        var results = new List<ModelResult>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            output.WriteLine($"[{i + 1}/{settings.Count}] {s.Family.Name()} W={s.Window}, {s.Iterations} iterations, elapsed {clock.Elapsed:hh\\:mm\\:ss}");
            try
            {
                results.Add(DatasetBenchmark.Run(data, s, torch.ToDevice(), p => output.WriteLine("  " + ProgressLine.Of(p)), ct));
            }
            catch (ArgumentException e)
            {
                throw CommandFailure.Rejected($"{s.Family.Name()} cannot be trained on {data.Name}: {e.Message}");
            }
        }

        var folder = result.GetValue(options.Out)!;
        folder.Create();
        var commandLine = "./kukaportal " + string.Join(' ', result.Tokens.Select(t => t.Value));
        var markdown = BenchmarkMarkdown.Write(data, results, commandLine);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".md"), markdown, ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".json"),
            JsonSerializer.Serialize(new { data.Name, data.Protocol, Results = results }, ReportJson.Options), ct);
        await output.WriteLineAsync(markdown);
        await output.WriteLineAsync($"Wrote {Path.Combine(folder.FullName, name)}.md and .json in {clock.Elapsed:hh\\:mm\\:ss}.");
        return ExitCodes.Ok;
    }

    private static DirectoryInfo Existing(DirectoryInfo folder) =>
        folder.Exists ? folder : throw CommandFailure.Usage($"No such folder: {folder.FullName}");
}
