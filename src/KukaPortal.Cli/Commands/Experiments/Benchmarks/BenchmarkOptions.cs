using System.CommandLine;
using KukaPortal.Cli.Commands.Training;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Training;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>The options every dataset benchmark shares: where the data is, which families, and how big to train them.</summary>
internal sealed class BenchmarkOptions
{
    public Option<DirectoryInfo> Data { get; } = new("--data") { Description = "The data set's folder (see ../shared/data/README.md).", Required = true };
    public Option<DirectoryInfo> Out { get; } = new("--out") { Description = "Folder for the Markdown and JSON report (created if missing).", Required = true };
    public Option<string> Models { get; } = new("--models")
    {
        Description = "Families to compare, comma-separated.",
        DefaultValueFactory = _ => string.Join(",", ModelFamilyNames.All),
    };
    public Option<int?> Window { get; } = new("--window") { Description = "Window length W for every family (default: each family's own, 30 or 5)." };
    public Option<int?> Iterations { get; } = new("--iterations") { Description = "Adam steps per model (default: the papers', 5000; 7000 adversarial)." };
    public Option<int?> Width { get; } = new("--width") { Description = "Filters of the first convolution of the conv families (default 16)." };
    public Option<int?> EarlyStopping { get; } = new("--early-stopping") { Description = "Stop a model after this many progress reports without a better validation loss (default: train all iterations)." };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed of every model.", DefaultValueFactory = _ => 0 };
    public Option<TorchDeviceOption> Device { get; } = TorchOptions.Device();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Out, Models, Window, Iterations, Width, EarlyStopping, Seed, Device })
            command.Options.Add(option);
    }

    /// <summary>One settings record per requested family: its paper defaults with the overrides applied, validated before any training.</summary>
    public IReadOnlyList<DetectorSettings> Settings(ParseResult result)
    {
        var families = ModelFamilyOption.ParseList(result.GetValue(Models));
        if (families.Count == 0)
            throw CommandFailure.Usage("--models needs at least one family.");

        var all = new List<DetectorSettings>();
        foreach (var family in families)
        {
            var defaults = DetectorSettings.For(family);
            var iterations = result.GetValue(Iterations) ?? defaults.Iterations;
            var settings = defaults with
            {
                Window = result.GetValue(Window) ?? defaults.Window,
                Iterations = iterations,
                BaseWidth = result.GetValue(Width) ?? defaults.BaseWidth,
                Seed = result.GetValue(Seed),
                EarlyStoppingPatience = result.GetValue(EarlyStopping),
                ProgressInterval = Math.Clamp(iterations / 10, 1, 500),
            };
            try
            {
                settings.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw CommandFailure.Usage($"{family.Name()}: {e.Message}");
            }
            all.Add(settings);
        }
        return all;
    }
}
