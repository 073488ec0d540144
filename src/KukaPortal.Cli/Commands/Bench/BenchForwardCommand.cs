using System.CommandLine;
using System.Globalization;
using KukaPortal.Cli.Commands.Bench.Ml;
using KukaPortal.Cli.Commands.Training;
using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench forward</c>: windows/s of each time-series model's raw forward pass, and how much of the CPU's measured peak it uses.</summary>
public static class BenchForwardCommand
{
    /// <summary>aae and dense-aae score with the conv-ae and dense-ae models, so their forward passes are those rows.</summary>
    private const string DefaultModels = "conv-ae,dense-ae,dense-ae-bn,pca";

    public static Command Create()
    {
        var models = new Option<string>("--models")
        {
            Description = $"Families, comma-separated ({string.Join(", ", ModelFamilyNames.All)}); aae and dense-aae share the conv-ae and dense-ae models.",
            DefaultValueFactory = _ => DefaultModels,
        };
        var windows = MlBenchOptions.IntList("--windows", "Window lengths W, comma-separated.", "30,100", 5, 200);
        var batches = MlBenchOptions.IntList("--batches", "Windows per forward call, comma-separated.", "1,64,256,512", 1, 8192);
        var channels = MlBenchOptions.Bounded("--channels", "Channels per window (86 in the KUKA data).", 86, 1, 1024);
        var seconds = new Option<double>("--seconds") { Description = "Least duration of one timed run, in seconds.", DefaultValueFactory = _ => 0.3 };
        seconds.Validators.Add(r => { var v = r.GetValueOrDefault<double>(); if (!(v >= 0 && v <= 60)) r.AddError($"--seconds must be between 0 and 60, not {v}."); });
        var repeat = MlBenchOptions.Repeat(3);
        var peak = MlBenchOptions.Bounded("--peak-size", "Side of the square float32 matmul that measures the peak.", 2048, 64, 8192);
        var inference = new Option<bool>("--inference-mode") { Description = "Run the forward passes under inference_mode instead of no_grad (what the portal uses)." };
        var threads = MlBenchOptions.Threads();
        var device = TorchOptions.Device();
        var lanes = MlBenchOptions.Bounded("--lanes", "Batches also timed side by side, one torch thread each, as score jobs run them; 0 = one per torch thread, 1 = none.", 0, 0, 64);
        var json = MlBenchOptions.Json();

        var command = new Command("forward", "Measure windows/s of each time-series model's raw forward pass, with FLOPs per window and the share of the measured matmul peak.")
        {
            models, windows, batches, channels, seconds, repeat, peak, inference, threads, device, lanes, json,
        };
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            var options = new ForwardBenchOptions(
                ModelFamilyOption.ParseList(result.GetValue(models)), MlBenchOptions.Parse(result.GetValue(windows)), MlBenchOptions.Parse(result.GetValue(batches)),
                result.GetValue(channels), result.GetValue(seconds), result.GetValue(repeat), result.GetValue(peak), result.GetValue(inference), result.GetValue(lanes));
            if (options.Families.Count == 0)
                throw CommandFailure.Usage("--models needs at least one family.");
            var line = string.Create(CultureInfo.InvariantCulture,
                $"kukaportal bench forward --models {string.Join(',', options.Families.Select(f => f.Name()))} --windows {string.Join(',', options.Windows)} --batches {string.Join(',', options.Batches)} --channels {options.Channels} --seconds {options.MinSeconds} --repeat {options.Repeat} --peak-size {options.PeakSize}{(options.InferenceMode ? " --inference-mode" : "")} --threads {result.GetValue(threads)} --device {result.GetValue(device).ToString().ToLowerInvariant()} --lanes {options.Lanes}");
            // Torch work is per thread and synchronous (GUIDE §4): the whole suite runs on one thread of its own.
            var report = await Task.Factory.StartNew(() =>
                new ForwardBenchSuite(options, console.Error).Run(MlBenchContext.Start(result.GetValue(threads), result.GetValue(device)), line, BenchMachine.Describe()),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await console.Output.WriteLineAsync(result.GetValue(json) ? BenchJson.Serialize(report) : ForwardBenchMarkdown.Render(report));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
