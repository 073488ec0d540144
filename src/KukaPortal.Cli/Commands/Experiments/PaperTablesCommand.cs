using System.CommandLine;
using System.Text.Json;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Ml.Runtime;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// <c>experiment paper-tables --normal FILE --abnormal FILE --out DIR</c>: paper 000's protocol (see
/// <see cref="PaperProtocol"/>) over its grid, written as Markdown tables shaped like the paper's and as JSON.
/// Every option, split and setting is checked before the first cell trains, since the full grid runs for hours.
/// </summary>
public static class PaperTablesCommand
{
    private const string MarkdownFile = "paper-tables.md";
    private const string JsonFile = "paper-tables.json";

    public static Command Create()
    {
        var options = new PaperTablesOptions();
        var command = new Command("paper-tables", "Paper 000's AE and adversarial-AE grid under its data split; writes paper-tables.md and .json.");
        options.AddTo(command);
        command.SetAction(VerbAction.Of(async (result, ct) =>
        {
            var grid = options.Grid(result);
            if (grid.Families.Count == 0)
                throw CommandFailure.Usage("--models needs at least one model family.");
            var run = options.RunOptions(result);
            var normal = await ReadOne(result.GetValue(options.Normal)!, options, result, ct);
            var abnormal = await ReadOne(result.GetValue(options.Abnormal)!, options, result, ct);
            Check(grid, run, normal.Series, abnormal);

            var folder = result.GetValue(options.Out)!;
            folder.Create();
            var torch = TorchOptions.Start(result.GetValue(options.Device));
            var output = result.InvocationConfiguration.Output;
            output.WriteLine($"paper-tables: {grid.AllCells.Count} cells on {normal.Series.Rows:N0} normal and {abnormal.Series.Rows:N0} abnormal rows, device {torch.DeviceType} ({torch.DeviceName}).");
            // Torch work from here to the last cell is synchronous: no await inside (GUIDE §4).
            var report = Run(grid, run, normal, abnormal, torch, CommandLine(result), !result.GetValue(options.NoStrict), folder, output, ct);
            Save(report, folder);
            output.WriteLine($"Wrote {Path.Combine(folder.FullName, MarkdownFile)}");
            output.WriteLine($"Wrote {Path.Combine(folder.FullName, JsonFile)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One recording, read beside --channel-names when given (the reader pairs an .npy matrix with a names file only in the same read).</summary>
    private static async Task<ParsedRecording> ReadOne(FileInfo file, PaperTablesOptions options, ParseResult result, CancellationToken ct)
    {
        FileInfo[] files = result.GetValue(options.ChannelNames) is { } names ? [file, names] : [file];
        return (await RecordingInputs.ReadAsync(files, options.Read, result, ct)).Single();
    }

    /// <summary>Settings, channels and split sizes of every cell, so a bad grid fails before hours of training.</summary>
    private static void Check(PaperGrid grid, PaperRunOptions run, TimeSeries normal, ParsedRecording abnormal)
    {
        var missing = normal.Channels.Except(abnormal.Series.Channels, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw CommandFailure.Rejected($"{abnormal.SourceName} lacks channels of the normal recording: {string.Join(", ", missing.Take(10))}.");
        foreach (var cell in grid.AllCells)
        {
            try
            {
                run.Settings(cell).Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw CommandFailure.Usage($"{cell}: {e.Message}");
            }
            try
            {
                PaperProtocol.Split(normal.Rows, abnormal.Series.Rows, cell.Window, strict: true);
            }
            catch (ArgumentException e)
            {
                throw CommandFailure.Rejected($"{cell}: {e.Message}");
            }
        }
    }

    private static PaperTablesReport Run(PaperGrid grid, PaperRunOptions run, ParsedRecording normal, ParsedRecording abnormal, TorchInfo torch,
        string commandLine, bool strict, DirectoryInfo folder, TextWriter output, CancellationToken ct)
    {
        var header = new PaperTablesReport(commandLine, normal.SourceName, abnormal.SourceName, normal.Series.Rows, abnormal.Series.Rows,
            normal.Series.ChannelCount, Labelling(normal.Series, abnormal.Series), $"{torch.DeviceType} ({torch.DeviceName})", [], [], []);
        var experiment = new PaperExperiment(new PaperCellRunner(normal.Series, abnormal.Series, run, torch.ToDevice()), output, r => Save(r, folder));
        try
        {
            return experiment.Run(grid, strict, header, ct);
        }
        catch (ArgumentException e)
        {
            // Non-finite samples, or a validation set without anomalous windows (AP is undefined).
            throw CommandFailure.Rejected($"The experiment cannot go on: {e.Message}");
        }
    }

    /// <summary>Both files, rewritten whole after every cell.</summary>
    private static void Save(PaperTablesReport report, DirectoryInfo folder)
    {
        File.WriteAllText(Path.Combine(folder.FullName, MarkdownFile), PaperTablesMarkdown.Render(report));
        File.WriteAllText(Path.Combine(folder.FullName, JsonFile), JsonSerializer.Serialize(report, ReportJson.Options));
    }

    /// <summary>Says which labelling the windows got, since the numbers mean different things under each.</summary>
    private static string Labelling(TimeSeries normal, TimeSeries abnormal)
    {
        var text = abnormal.Labels is { } labels
            ? $"from the abnormal file's row labels ({labels.Count(l => l):N0} of {labels.Length:N0} rows anomalous): an abnormal window is anomalous if any of its rows is; normal-recording windows are normal."
            : "every window of the abnormal recording is anomalous (it has no labels, like paper 000's KukaSlow); normal-recording windows are normal.";
        var labelledInNormal = normal.Labels?.Count(l => l) ?? 0;
        return labelledInNormal == 0 ? text
            : $"{text} Note: the normal file labels {labelledInNormal:N0} rows anomalous; the protocol treats the whole normal recording as normal (and trains on it).";
    }

    /// <summary>The command as typed, so the Markdown says how to reproduce it.</summary>
    private static string CommandLine(ParseResult result) =>
        "kukaportal " + string.Join(" ", result.Tokens.Select(t => t.Value.Any(char.IsWhiteSpace) ? $"\"{t.Value}\"" : t.Value));
}
