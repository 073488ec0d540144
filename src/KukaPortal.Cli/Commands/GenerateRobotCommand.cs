using System.CommandLine;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Cli.Commands;

/// <summary>One simulated pick-and-place recording with labelled anomalies, plus the list of its anomaly events.</summary>
public static class GenerateRobotCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (created if missing).", Required = true };
        var rows = new Option<int>("--rows") { Description = "Samples to generate.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same recording.", DefaultValueFactory = _ => 1 };
        var anomalies = new Option<string?>("--anomalies")
        {
            Description = $"Comma-separated anomaly kinds to inject: {string.Join(", ", AnomalyKinds.Names)} (default none).",
        };
        var format = RecordingOutput.FormatOption();
        var rate = new Option<double>("--rate") { Description = "Sampling rate in Hz.", DefaultValueFactory = _ => RobotSimulationOptions.KukaIpoRateHz };
        var name = new Option<string>("--name") { Description = "File name stem.", DefaultValueFactory = _ => "robot" };

        var command = new Command("robot", "Simulate a 6-axis arm running a pick-and-place program (86 channels).")
        {
            output, rows, seed, anomalies, format, rate, name,
        };
        command.SetAction(async (result, ct) =>
        {
            var console = result.InvocationConfiguration;
            SimulatedRecording recording;
            try
            {
                recording = RobotSimulator.Generate(new RobotSimulationOptions
                {
                    Rows = result.GetValue(rows),
                    Seed = result.GetValue(seed),
                    SampleRateHz = result.GetValue(rate),
                    Anomalies = AnomalyKinds.ParseList(result.GetValue(anomalies)),
                });
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }

            var folder = result.GetValue(output)!;
            var files = await RecordingOutput.WriteAsync(recording.Series, folder, result.GetValue(name)!, result.GetValue(format), ct);
            files.Add(AnomalyEventsFile.Write(recording.Events, folder, result.GetValue(name)!));
            foreach (var file in files) await console.Output.WriteLineAsync(file);
            var labelled = recording.Series.Labels!.Count(l => l);
            await console.Output.WriteLineAsync($"{recording.Series.Rows} rows × {recording.Series.ChannelCount} channels, {recording.Events.Count} anomaly events, {labelled} anomalous rows.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
