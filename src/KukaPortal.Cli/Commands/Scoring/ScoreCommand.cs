using System.CommandLine;
using System.Text;
using KukaPortal.Cli.Commands.Images;
using KukaPortal.Core.Formats;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands.Scoring;

/// <summary><c>score --model MODEL --input FILE... --out scores.csv</c>: the model's window scores for each recording as CSV (image models: one row per image, see <see cref="ImageScoring"/>).</summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "Model file (.kpm) written by train.", Required = true };
        var input = new Option<FileInfo[]>("--input") { Description = "Recordings to score; for an image model, image sets (folders or .zip files).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write the window scores to.", Required = true };
        var stride = new Option<int?>("--stride") { Description = "Rows between window starts (default W: no overlap)." };
        var maps = new Option<DirectoryInfo?>("--maps") { Description = "Image models: also write one PNG per image, input | reconstruction | heatmap | mask, into this folder." };
        var device = TorchOptions.Device();
        var read = new ReadOptionsArguments();

        var command = new Command("score", "Score recordings with a trained model and write one CSV row per window.") { model, input, output, stride, maps, device };
        read.AddTo(command);
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            if (result.GetValue(stride) is < 1)
                throw CommandFailure.Usage("--stride must be 1 or more.");
            if (ModelFile.KindOf(result.GetValue(model)!) == ModelKind.Image)
            {
                if (result.GetValue(stride) is not null)
                    throw CommandFailure.Usage("--stride applies to time-series models only; an image model scores whole images.");
                using var imageDetector = ModelFile.LoadImage(result.GetValue(model)!, result.GetValue(device));
                // Torch work stays synchronous: no await inside (GUIDE §4).
                var lines = ImageScoring.Run(imageDetector, result.GetValue(input)!, result.GetValue(output)!, result.GetValue(maps),
                    result.InvocationConfiguration.Output, ct);
                foreach (var line in lines)
                    await result.InvocationConfiguration.Output.WriteLineAsync(line);
                return ExitCodes.Ok;
            }
            if (result.GetValue(maps) is not null)
                throw CommandFailure.Usage("--maps applies to image models only.");
            var recordings = await RecordingInputs.ReadAsync(result.GetValue(input)!, read, result, ct);
            using var detector = ModelFile.Load(result.GetValue(model)!, result.GetValue(device));
            // Torch work and the file writes below stay synchronous: no await inside torch work (GUIDE §4).
            var summary = Write(detector, recordings, result.GetValue(stride), result.GetValue(output)!, ct);
            foreach (var line in summary)
                await result.InvocationConfiguration.Output.WriteLineAsync(line);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<string> Write(Detector detector, IReadOnlyList<ParsedRecording> recordings, int? stride, FileInfo outFile, CancellationToken ct)
    {
        var summary = new List<string>();
        Directory.CreateDirectory(outFile.DirectoryName!);
        using (var file = new StreamWriter(outFile.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            var csv = new ScoreCsvWriter(file, detector.Channels);
            csv.WriteHeader();
            foreach (var recording in recordings)
            {
                int windows = 0, above = 0;
                foreach (var batch in RecordingScores.Batches(detector, recording, stride, ct))
                    foreach (var score in batch)
                    {
                        csv.Write(recording.SourceName, recording.Series, score);
                        windows++;
                        if (score.AboveThreshold) above++;
                    }
                summary.Add($"{recording.SourceName}: {windows} windows, {above} above the threshold.");
            }
        }
        summary.Add($"Wrote {outFile.FullName}");
        return summary;
    }
}
