using System.CommandLine;
using System.Globalization;
using KukaPortal.Cli.Commands.Bench.Ml;
using KukaPortal.Ml.Images;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench images</c>: images/s each image family scores at 128×128.</summary>
public static class BenchImagesCommand
{
    public static Command Create()
    {
        var models = new Option<string>("--models")
        {
            Description = $"Image families, comma-separated ({string.Join(", ", ImageModelFamilyNames.All)}).",
            DefaultValueFactory = _ => string.Join(",", ImageModelFamilyNames.All),
        };
        var size = MlBenchOptions.Bounded("--size", "Side of the square images (a power of two).", 128, 32, 1024);
        size.Validators.Add(r => { var v = r.GetValueOrDefault<int>(); if (!int.IsPow2(v)) r.AddError($"--size must be a power of two, not {v}."); });
        var channels = MlBenchOptions.IntList("--channels", "1 (grey) and/or 3 (RGB), comma-separated.", "1,3", 1, 3);
        channels.Validators.Add(r => { if ((r.GetValueOrDefault<string>() ?? "").Contains('2')) r.AddError("--channels takes 1 (grey) or 3 (RGB)."); });
        var batches = MlBenchOptions.IntList("--batches", "Images per scoring call, comma-separated.", "16,64", 1, 1024);
        var seconds = new Option<double>("--seconds") { Description = "Least duration of one timed run, in seconds.", DefaultValueFactory = _ => 0 };
        seconds.Validators.Add(r => { var v = r.GetValueOrDefault<double>(); if (!(v >= 0 && v <= 60)) r.AddError($"--seconds must be between 0 and 60, not {v}."); });
        var repeat = MlBenchOptions.Repeat(3);
        var threads = MlBenchOptions.Threads();
        var device = TorchOptions.Device();
        var json = MlBenchOptions.Json();

        var command = new Command("images", "Measure images/s scored by each image model family, next to its bare forward pass.")
        {
            models, size, channels, batches, seconds, repeat, threads, device, json,
        };
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            var families = (result.GetValue(models) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()
                .Select(name => ImageModelFamilyNames.TryParse(name, out var family) ? family
                    : throw CommandFailure.Usage($"Image family '{name}' is unknown; available: {string.Join(", ", ImageModelFamilyNames.All)}."))
                .ToArray();
            if (families.Length == 0)
                throw CommandFailure.Usage("--models needs at least one family.");
            var options = new ImageBenchOptions(families, result.GetValue(size), MlBenchOptions.Parse(result.GetValue(channels)), MlBenchOptions.Parse(result.GetValue(batches)),
                result.GetValue(seconds), result.GetValue(repeat));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"kukaportal bench images --models {string.Join(',', families.Select(f => f.Name()))} --size {options.Size} --channels {string.Join(',', options.Channels)} --batches {string.Join(',', options.Batches)} --seconds {options.MinSeconds} --repeat {options.Repeat} --threads {result.GetValue(threads)} --device {result.GetValue(device).ToString().ToLowerInvariant()}");
            // Torch work is per thread and synchronous (GUIDE §4): the whole suite runs on one thread of its own.
            var report = await Task.Factory.StartNew(() =>
                new ImageBenchSuite(options, console.Error).Run(MlBenchContext.Start(result.GetValue(threads), result.GetValue(device)), line, BenchMachine.Describe()),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await console.Output.WriteLineAsync(result.GetValue(json) ? BenchJson.Serialize(report) : ImageBenchMarkdown.Render(report));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
