using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>
/// The CNC milling tool-wear runs (University of Michigan SMART lab): <c>experiment_NN.csv</c>, one per run, whose
/// <c>tool_condition</c> column says <c>unworn</c> or <c>worn</c> for the whole run. The protocol trains on some
/// unworn runs and tests on the other unworn runs (every row normal) and all worn runs (every row anomalous).
/// </summary>
internal static class CncMillingData
{
    private static readonly HashSet<string> TextColumns = new(["Machining_Process", "tool_condition"], StringComparer.Ordinal);

    public static async Task<BenchmarkData> LoadAsync(DirectoryInfo folder, IReadOnlyList<int> trainingRuns, CancellationToken ct)
    {
        var files = folder.GetFiles("experiment_*.csv").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            throw CommandFailure.Usage($"{folder.FullName} has no experiment_NN.csv files; is it the CNC milling folder?");

        var options = new RecordingReadOptions { ExcludeColumns = TextColumns };
        var recordings = await RecordingFileReader.ReadAsync(files.Select(f => SourceFile.FromPath(f.FullName)).ToArray(), options, cancellationToken: ct);

        var training = new List<ParsedRecording>();
        var cases = new List<BenchmarkCase>();
        for (var i = 0; i < files.Length; i++)
        {
            var run = RunNumber(files[i]);
            var worn = IsWorn(files[i]);
            var series = recordings[i].Series;
            if (trainingRuns.Contains(run))
            {
                if (worn)
                    throw CommandFailure.Usage($"Run {run} is a worn-tool run; train only on unworn runs.");
                training.Add(recordings[i]);
            }
            else
            {
                cases.Add(new BenchmarkCase($"run {run:00} ({(worn ? "worn" : "unworn")})", series, [.. Enumerable.Repeat(worn, series.Rows)]));
            }
        }
        if (training.Count != trainingRuns.Count)
            throw CommandFailure.Usage($"Training runs {string.Join(", ", trainingRuns)} are not all in {folder.FullName}.");

        return new BenchmarkData("CNC milling", Training.NormalData.Concatenate(training), null, cases,
            $"Trained on unworn runs {string.Join(", ", trainingRuns.Select(r => r.ToString("00")))} ({training.Sum(t => t.Series.Rows)} rows, " +
            "threshold = the trainer's 99th percentile of its held-out last 10 % of windows); tested on the other unworn runs (all rows normal) and every worn run (all rows anomalous).");
    }

    private static int RunNumber(FileInfo file) =>
        int.Parse(Path.GetFileNameWithoutExtension(file.Name)["experiment_".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The run's tool condition, read from its first data row's last field (a text column the reader skips).</summary>
    private static bool IsWorn(FileInfo file)
    {
        var lines = File.ReadLines(file.FullName).Take(2).ToArray();
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "tool_condition");
        if (column < 0 || lines.Length < 2)
            throw CommandFailure.Rejected($"{file.Name} has no tool_condition column.");
        return lines[1].Split(',')[column].Trim() switch
        {
            "worn" => true,
            "unworn" => false,
            var other => throw CommandFailure.Rejected($"{file.Name}: tool_condition '{other}' is neither worn nor unworn."),
        };
    }
}
