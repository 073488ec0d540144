using System.CommandLine;
using KukaPortal.Cli.Commands.Images;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Training;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>
/// The options of <c>train</c>. Hyperparameters left out take the family's defaults from
/// <see cref="DetectorSettings.For"/>, so the CLI and the portal agree.
/// </summary>
internal sealed class TrainOptions
{
    public Option<FileInfo[]> Normal { get; } = new("--normal")
    {
        Description = "Normal recordings to train on; several are joined when their channels match. Image models: one image set, a folder or .zip (MVTec train/good/, or every image of a flat set).",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<FileInfo[]> Validation { get; } = new("--validation")
    {
        Description = "Recordings the f1max (labelled) or budget (normal part) threshold is chosen on.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Model { get; } = ModelFamilyOption.Create();
    public Option<int?> Window { get; } = new("--window") { Description = "Window length W in samples (default 30; 5 for the dense models)." };
    public Option<int?> Stride { get; } = new("--stride") { Description = "Stride between training windows (default W/3)." };
    public Option<int?> Latent { get; } = new("--latent") { Description = "Size of the latent code (default 30; 32 for the dense models)." };
    public Option<int?> Width { get; } = new("--width") { Description = "Filters of the first convolution; doubles per stage (default 16)." };
    public Option<int?> Iterations { get; } = new("--iterations") { Description = "Adam steps (default 5000; 7000 for aae)." };
    public Option<int?> Batch { get; } = new("--batch") { Description = "Windows per training step (default 64)." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Adam learning rate (default 0.001)." };
    public Option<double?> Lambda { get; } = new("--lambda") { Description = "λ, weight of the discriminator feature-matching term (adversarial families; default 0.001)." };
    public Option<double?> R1 { get; } = new("--r1") { Description = "γ, weight of the R1 gradient penalty on real windows (adversarial families; default 1, 0 turns it off)." };
    public Option<string?> Scaler { get; } = ScalerOption.Create();
    public Option<int?> EarlyStopping { get; } = new("--early-stopping") { Description = "Stop after N progress reports without a better validation loss, keeping the best weights (default: train every iteration)." };
    public Option<double?> PcaVariance { get; } = new("--pca-variance") { Description = "Share of the variance the pca family's components keep, in (0, 1] (default 0.95)." };
    public Option<string?> Threshold { get; } = new("--threshold") { Description = "f1max, quantile:Q or budget:N/h (default quantile:0.99 of held-out normal windows)." };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed for weights and batches.", DefaultValueFactory = _ => 0 };
    public Option<TorchDeviceOption> Device { get; } = TorchOptions.Device();
    public Option<FileInfo> Out { get; } = new("--out") { Description = "Model file (.kpm) to write.", Required = true };
    public Option<int?> Size { get; } = new("--size") { Description = "Image models: side of the square images the model reads, a power of two from 32 (default 128)." };
    public Option<int?> Channels { get; } = new("--channels") { Description = "Image models: 1 (grey) or 3 (RGB, default); images are converted on reading." };
    public Option<string?> Fit { get; } = ImageFitOption.Create();
    public ReadOptionsArguments Read { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Normal, Validation, Model, Window, Stride, Latent, Width, Iterations, Batch, LearningRate,
                     Lambda, R1, Scaler, EarlyStopping, PcaVariance, Threshold, Seed, Device, Out, Size, Channels, Fit })
            command.Options.Add(option);
        Read.AddTo(command);
    }

    /// <summary>The options that shape only time-series training; an image model refuses them rather than ignore them.</summary>
    public IEnumerable<Option> SeriesOnly => [Validation, Window, Stride, Lambda, R1, Scaler, EarlyStopping, PcaVariance];

    /// <summary>The options that shape only image training.</summary>
    public IEnumerable<Option> ImageOnly => [Size, Channels, Fit];

    /// <summary>Refuses options given on the command line that the chosen kind of model would silently ignore.</summary>
    public static void RefuseGiven(ParseResult result, IEnumerable<Option> options, string onlyFor)
    {
        var given = options.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToArray();
        if (given.Length > 0)
            throw CommandFailure.Usage($"{string.Join(", ", given)} appl{(given.Length == 1 ? "ies" : "y")} to {onlyFor} only.");
    }

    public DetectorSettings Settings(ParseResult result, double? thresholdQuantile)
    {
        var defaults = DetectorSettings.For(ModelFamilyOption.Parse(result.GetValue(Model)!));
        var iterations = result.GetValue(Iterations) ?? defaults.Iterations;
        var settings = defaults with
        {
            Window = result.GetValue(Window) ?? defaults.Window,
            Stride = result.GetValue(Stride),
            Latent = result.GetValue(Latent) ?? defaults.Latent,
            BaseWidth = result.GetValue(Width) ?? defaults.BaseWidth,
            Iterations = iterations,
            BatchSize = result.GetValue(Batch) ?? defaults.BatchSize,
            LearningRate = result.GetValue(LearningRate) ?? defaults.LearningRate,
            FeatureMatchingWeight = result.GetValue(Lambda) ?? defaults.FeatureMatchingWeight,
            R1Weight = result.GetValue(R1) ?? defaults.R1Weight,
            Scaler = result.GetValue(Scaler) is { } scaler ? ScalerOption.Parse(scaler) : defaults.Scaler,
            EarlyStoppingPatience = result.GetValue(EarlyStopping) ?? defaults.EarlyStoppingPatience,
            PcaVariance = result.GetValue(PcaVariance) ?? defaults.PcaVariance,
            Seed = result.GetValue(Seed),
            ThresholdQuantile = thresholdQuantile ?? defaults.ThresholdQuantile,
            // About ten progress lines whatever the run length, at most one per 100 steps.
            ProgressInterval = Math.Clamp(iterations / 10, 1, 100),
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw CommandFailure.Usage(e.Message);
        }
        return settings;
    }
}
