using System.CommandLine;
using System.Text.Json;
using KukaPortal.Cli.Commands.Images;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Runtime;

namespace KukaPortal.Cli.Commands.Evaluation;

/// <summary>
/// <c>evaluate --model MODEL --input FILE...</c>: detection metrics of a model on labelled recordings,
/// per window and per sample. Exit 2 when an input has no labels or lacks one of the classes.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "Model file (.kpm) written by train.", Required = true };
        var input = new Option<FileInfo[]>("--input") { Description = "Labelled recordings to evaluate on; for an image model, image sets in MVTec AD layout (folders or .zip files).", Required = true, AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON." };
        var device = TorchOptions.Device();
        var read = new ReadOptionsArguments();

        var command = new Command("evaluate", "Measure a model on labelled recordings: AP, F1max, ROC-AUC and the saved threshold's counts.") { model, input, json, device };
        read.AddTo(command);
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            if (ModelFile.KindOf(result.GetValue(model)!) == ModelKind.Image)
                return await EvaluateImages(result, model, input, json, device, ct);
            var recordings = await RecordingInputs.ReadAsync(result.GetValue(input)!, read, result, ct);
            var modelFile = result.GetValue(model)!;
            EvaluationResult evaluation;
            // Scoring is torch work: done synchronously, awaited nowhere (GUIDE §4).
            using (var detector = ModelFile.Load(modelFile, result.GetValue(device)))
                evaluation = Evaluator.Run(detector, modelFile.Name, recordings, ct);
            await result.InvocationConfiguration.Output.WriteLineAsync(
                result.GetValue(json) ? JsonSerializer.Serialize(evaluation, ReportJson.Options) : EvaluationText.Render(evaluation));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> EvaluateImages(ParseResult result, Option<FileInfo> model, Option<FileInfo[]> input, Option<bool> json,
        Option<TorchDeviceOption> device, CancellationToken ct)
    {
        var modelFile = result.GetValue(model)!;
        var output = result.InvocationConfiguration.Output;
        // In JSON mode the reading notes would spoil the document; they go to stderr instead.
        var notes = result.GetValue(json) ? result.InvocationConfiguration.Error : output;
        ImageEvaluationReport report;
        using (var detector = ModelFile.LoadImage(modelFile, result.GetValue(device)))
            report = ImageEvaluator.Run(detector, modelFile.Name, result.GetValue(input)!, notes, ct);
        await output.WriteLineAsync(result.GetValue(json) ? JsonSerializer.Serialize(report, ReportJson.Options) : ImageEvaluationText.Render(report));
        return ExitCodes.Ok;
    }
}
