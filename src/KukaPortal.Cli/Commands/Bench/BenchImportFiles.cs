using KukaPortal.Core.Simulation;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>One simulated recording written in each format the portal imports, through the same writers as <c>generate robot</c>.</summary>
public sealed record BenchImportFiles(int Rows, int Channels, string Csv, string Npy, string NpyNames, string Parquet)
{
    public static async Task<BenchImportFiles> WriteAsync(DirectoryInfo folder, int rows, CancellationToken ct)
    {
        // A normal recording: timestamps and labels come with it, and nothing in it makes the validator reject it.
        var series = RobotSimulator.Generate(new RobotSimulationOptions { Rows = rows }).Series;
        var csv = await RecordingOutput.WriteAsync(series, folder, "recording", OutputFormat.Csv, ct);
        var npy = await RecordingOutput.WriteAsync(series, folder, "recording", OutputFormat.Npy, ct);
        var parquet = await RecordingOutput.WriteAsync(series, folder, "recording", OutputFormat.Parquet, ct);
        return new BenchImportFiles(series.Rows, series.ChannelCount, csv[0], npy[0], npy[1], parquet[0]);
    }

    public static long SizeOf(params string[] paths) => paths.Sum(p => new FileInfo(p).Length);
}
