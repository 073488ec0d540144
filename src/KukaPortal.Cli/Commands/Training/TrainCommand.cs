using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KukaPortal.Cli.Commands.Images;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>
/// <c>train --normal FILE... --out MODEL</c>: trains a detector on normal recordings, sets its threshold
/// and writes the .kpm artifact; an image family after --model hands the run to <see cref="ImageTraining"/>. Files are read and checked before training starts, so a wrong option
/// fails in seconds rather than after minutes of training.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var options = new TrainOptions();
        var command = new Command("train", "Train an anomaly detector on normal recordings and save it as a model file.");
        options.AddTo(command);
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            if (ImageModelFamilyNames.TryParse(result.GetValue(options.Model), out var imageFamily))
                return ImageTraining.Run(result, options, imageFamily, result.InvocationConfiguration.Output, ct);
            TrainOptions.RefuseGiven(result, options.ImageOnly, $"image models (--model {string.Join("|", ImageModelFamilyNames.All)})");

            var strategy = ParseStrategy(result.GetValue(options.Threshold));
            var settings = options.Settings(result, (strategy as QuantileStrategy)?.Q);
            var validationFiles = result.GetValue(options.Validation) ?? [];
            if (strategy is not null && ThresholdCalibration.NeedsValidation(strategy) && validationFiles.Length == 0)
                throw CommandFailure.Usage($"The '{strategy}' threshold needs --validation FILE: the trainer's own held-out windows are not available to choose it on.");

            var normal = NormalData.Concatenate(await RecordingInputs.ReadAsync(result.GetValue(options.Normal)!, options.Read, result, ct));
            var validation = validationFiles.Length == 0 ? [] : await RecordingInputs.ReadAsync(validationFiles, options.Read, result, ct);
            if (strategy is F1MaxStrategy && validation.FirstOrDefault(r => r.Series.Labels is null) is { } unlabelled)
                throw CommandFailure.Rejected($"{unlabelled.SourceName} has no labels; the 'f1max' threshold needs labelled validation data (see --label-column).");

            var output = result.InvocationConfiguration.Output;
            var torch = TorchOptions.Start(result.GetValue(options.Device));
            output.WriteLine($"Training {settings.Family.Name()} on {normal.Rows:N0} rows × {normal.ChannelCount} channels, device {torch.DeviceType} ({torch.DeviceName}).");
            // Everything torch does runs synchronously from here to the saved file: no await inside (GUIDE §4).
            Train(normal, settings, strategy, validation, torch, result.GetValue(options.Out)!, output, ct);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static ThresholdStrategy? ParseStrategy(string? text)
    {
        if (text is null)
            return null;
        try
        {
            return ThresholdStrategy.Parse(text);
        }
        catch (FormatException e)
        {
            throw CommandFailure.Usage(e.Message);
        }
    }

    private static void Train(TimeSeries normal, DetectorSettings settings, ThresholdStrategy? strategy, IReadOnlyList<ParsedRecording> validation,
        TorchInfo torch, FileInfo outFile, TextWriter output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Detector detector;
        try
        {
            detector = DetectorTrainer.Train(normal, settings, torch.ToDevice(), p => output.WriteLine(ProgressLine.Of(p)), ct);
        }
        catch (ArgumentException e)
        {
            // Non-finite samples, or too few rows for the window and hold-out.
            throw CommandFailure.Rejected($"The normal data cannot be trained on: {e.Message}");
        }

        using (detector)
        {
            if (strategy is not null && ThresholdCalibration.NeedsValidation(strategy))
                detector.ApplyThreshold(ThresholdCalibration.Choose(detector, strategy, validation, ct));
            else if (validation.Count > 0)
                output.WriteLine("Note: --validation is used only by the f1max and budget thresholds; it was not needed here.");
            detector.Save(outFile.FullName);

            var training = detector.Metadata.Training;
            var threshold = detector.Metadata.Threshold;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained on {training.TrainingWindows} windows ({training.HeldOutWindows} held out); threshold {threshold.Value:G6} ({threshold.Strategy}); {clock.Elapsed.TotalSeconds:F1} s."));
            if (training.StoppedEarly)
                output.WriteLine($"Early stopping cut in after {training.IterationsRun} of {settings.Iterations} iterations; the weights of the best validation loss were kept.");
            output.WriteLine($"Wrote {outFile.FullName}");
        }
    }
}
