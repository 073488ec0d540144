using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;
using KukaPortal.Cli.Commands.Training;

namespace KukaPortal.Cli.Commands.Images;

/// <summary>
/// <c>train --model &lt;image family&gt; --normal DIR|ZIP --out MODEL</c>: trains an image detector on the set's
/// defect-free training images (MVTec <c>train/good/</c>, or every image of a flat set) and writes the .kpm artifact.
/// The set is read and checked before torch starts, so a wrong option fails in seconds.
/// </summary>
internal static class ImageTraining
{
    public static int Run(ParseResult result, TrainOptions options, ImageModelFamily family, TextWriter output, CancellationToken ct)
    {
        TrainOptions.RefuseGiven(result, options.SeriesOnly, "time-series models");
        var settings = Settings(result, options, family);
        var normal = result.GetValue(options.Normal)!;
        if (normal.Length != 1)
            throw CommandFailure.Usage($"An image model trains on one image set (a folder or a .zip); --normal named {normal.Length}.");

        var readOptions = ImageReadOptions.ForSet(settings, ImageRole.Train);
        var set = ImageSetInput.Read(normal[0], readOptions, output, ct).Set;
        var images = set.Train.Select(i => i.Image).ToArray();
        if (images.Length < 2)
            throw CommandFailure.Rejected($"{normal[0].Name} holds {images.Length} training image(s); an image model needs at least 2 defect-free images.");

        var torch = TorchOptions.Start(result.GetValue(options.Device));
        output.WriteLine(Invariant($"Training {family.Name()} on {images.Length:N0} images of {settings.Size}×{settings.Size}×{settings.Channels}, device {torch.DeviceType} ({torch.DeviceName})."));
        var clock = Stopwatch.StartNew();
        ImageDetector detector;
        try
        {
            // Torch work stays synchronous from here to the saved file: no await inside (GUIDE §4).
            detector = ImageTrainer.Train(images, settings, torch.ToDevice(), p => output.WriteLine(ProgressText(p)), ct);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Rejected($"The images cannot be trained on: {e.Message}");
        }

        using (detector)
        {
            var outFile = result.GetValue(options.Out)!;
            detector.Save(outFile.FullName);
            var training = detector.Metadata.Training;
            var threshold = detector.Metadata.Threshold;
            output.WriteLine(Invariant(
                $"Trained on {training.TrainingImages} images ({training.HeldOutImages} held out); threshold {threshold.Value:G6} ({threshold.Strategy}); {clock.Elapsed.TotalSeconds:F1} s."));
            output.WriteLine($"Wrote {outFile.FullName}");
        }
        return ExitCodes.Ok;
    }

    private static ImageDetectorSettings Settings(ParseResult result, TrainOptions options, ImageModelFamily family)
    {
        var defaults = new ImageDetectorSettings { Family = family };
        var iterations = result.GetValue(options.Iterations) ?? defaults.Iterations;
        var settings = defaults with
        {
            Size = result.GetValue(options.Size) ?? defaults.Size,
            Channels = result.GetValue(options.Channels) ?? defaults.Channels,
            Fit = ImageFitOption.Parse(result.GetValue(options.Fit)),
            Iterations = iterations,
            BatchSize = result.GetValue(options.Batch) ?? defaults.BatchSize,
            LearningRate = result.GetValue(options.LearningRate),
            BaseWidth = result.GetValue(options.Width),
            Latent = result.GetValue(options.Latent),
            Seed = result.GetValue(options.Seed),
            ThresholdStrategy = result.GetValue(options.Threshold) ?? defaults.ThresholdStrategy,
            // About ten progress lines whatever the run length, as for the time-series models.
            ProgressInterval = Math.Clamp(iterations / 10, 1, 100),
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Usage(e.Message);
        }
        return settings;
    }

    private static string ProgressText(ImageTrainingProgress p)
    {
        var losses = string.Join("  ", p.Losses.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => Invariant($"{l.Key} {l.Value:G4}")));
        return Invariant($"iteration {p.Iteration}/{p.Iterations}  |x−x̂| {p.Reconstruction:G4}  {losses}  ~{p.Remaining.TotalSeconds:F0} s left");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
