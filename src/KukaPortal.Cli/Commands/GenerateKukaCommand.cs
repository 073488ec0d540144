using System.CommandLine;
using KukaPortal.Core.Formats;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Cli.Commands;

/// <summary>
/// The KUKA-like pair of paper 000 in the paper's own layout: KukaNormal.npy (normal operation),
/// KukaSlow.npy (some movements slowed down) and KukaColumnNames.npy, importable in one step.
/// </summary>
public static class GenerateKukaCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (created if missing).", Required = true };
        var scale = new Option<double>("--scale") { Description = "Fraction of the paper's sizes (233,792 normal and 41,538 slow rows).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };

        var command = new Command("kuka", "Simulate the KUKA data set layout of paper 000 (normal + slowed-down recordings).") { output, scale, seed };
        command.SetAction(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            KukaLikePair pair;
            try
            {
                pair = KukaLikeDataSet.Generate(new KukaLikeDataSetOptions { Scale = result.GetValue(scale), Seed = result.GetValue(seed) });
            }
            catch (ArgumentException e)
            {
                // The simulator speaks of rows and events; this verb's only knob is the scale.
                await console.Error.WriteLineAsync($"--scale {result.GetValue(scale)} is too small for the simulated slow run: {e.Message} Use a larger --scale (about 0.08 is the smallest that works).");
                return ExitCodes.Usage;
            }

            var folder = result.GetValue(output)!;
            folder.Create();
            var written = new List<string>
            {
                WriteMatrix(folder, "KukaNormal.npy", pair.Normal),
                WriteMatrix(folder, "KukaSlow.npy", pair.Slow),
            };
            var names = Path.Combine(folder.FullName, "KukaColumnNames.npy");
            await using (var stream = File.Create(names))
                NpyWriter.WriteStrings(stream, pair.Normal.Series.Channels);
            written.Add(names);
            foreach (var file in written) await console.Output.WriteLineAsync(file);
            await console.Output.WriteLineAsync($"{pair.Normal.Series.Rows} normal rows, {pair.Slow.Series.Rows} slow rows ({pair.Slow.Events.Count} slowdowns).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string WriteMatrix(DirectoryInfo folder, string name, SimulatedRecording recording)
    {
        var path = Path.Combine(folder.FullName, name);
        using var stream = File.Create(path);
        NpyWriter.WriteMatrix(stream, recording.Series.Values, recording.Series.Rows, recording.Series.ChannelCount);
        return path;
    }
}
