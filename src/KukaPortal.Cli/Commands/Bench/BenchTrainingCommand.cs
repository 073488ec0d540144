using System.CommandLine;
using System.Globalization;
using KukaPortal.Cli.Commands.Bench.Ml;
using KukaPortal.Cli.Commands.Training;
using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench training</c>: iterations/s of each gradient-trained time-series family at the papers' settings, and what a full run takes.</summary>
public static class BenchTrainingCommand
{
    public static Command Create()
    {
        var gradientFamilies = Enum.GetValues<ModelFamily>().Where(f => !f.IsClosedForm()).Select(f => f.Name());
        var models = new Option<string>("--models")
        {
            Description = "Gradient-trained families, comma-separated (pca is fitted in closed form and has no iterations).",
            DefaultValueFactory = _ => string.Join(",", gradientFamilies),
        };
        var rows = MlBenchOptions.Bounded("--rows", "Rows of the simulated normal recording (86 channels).", 20_000, 1_000, 1_000_000);
        var warmup = MlBenchOptions.Bounded("--warmup", "Untimed iterations first (allocator, oneDNN primitives).", 5, 0, 1000);
        var iterations = MlBenchOptions.Bounded("--iterations", "Timed iterations per family.", 30, 1, 10_000);
        var check = MlBenchOptions.Bounded("--check-iterations", "Iterations of the real conv-ae DetectorTrainer run that backs the projection; 0 skips it.", 200, 0, 10_000);
        var threads = MlBenchOptions.Threads();
        var device = TorchOptions.Device();
        var json = MlBenchOptions.Json();

        var command = new Command("training", "Measure training iterations/s per time-series family at the papers' defaults and project the time of a full run.")
        {
            models, rows, warmup, iterations, check, threads, device, json,
        };
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            var families = ModelFamilyOption.ParseList(result.GetValue(models));
            if (families.Count == 0)
                throw CommandFailure.Usage("--models needs at least one family.");
            var closedForm = families.Where(f => f.IsClosedForm()).Select(f => f.Name()).ToArray();
            if (closedForm.Length > 0)
                throw CommandFailure.Usage($"{string.Join(", ", closedForm)} is fitted in closed form and has no training iterations to measure.");
            var options = new TrainingBenchOptions(families, result.GetValue(rows), result.GetValue(warmup), result.GetValue(iterations), result.GetValue(check));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"kukaportal bench training --models {string.Join(',', families.Select(f => f.Name()))} --rows {options.Rows} --warmup {options.Warmup} --iterations {options.Iterations} --check-iterations {options.CheckIterations} --threads {result.GetValue(threads)} --device {result.GetValue(device).ToString().ToLowerInvariant()}");
            // Torch work is per thread and synchronous (GUIDE §4): the whole suite runs on one thread of its own.
            var report = await Task.Factory.StartNew(() =>
                new TrainingBenchSuite(options, console.Error).Run(MlBenchContext.Start(result.GetValue(threads), result.GetValue(device)), line, BenchMachine.Describe()),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await console.Output.WriteLineAsync(result.GetValue(json) ? BenchJson.Serialize(report) : TrainingBenchMarkdown.Render(report));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
