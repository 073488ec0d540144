using KukaPortal.Core.Formats;
using KukaPortal.Core.Simulation;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>Simulated 86-channel KUKA recordings written as CSV, the format operators upload.</summary>
public static class BenchRecording
{
    public static string WriteCsv(string folder, string name, int rows, int seed)
    {
        var series = RobotSimulator.Generate(new RobotSimulationOptions { Rows = rows, Seed = seed }).Series;
        var path = Path.Combine(folder, name);
        using var stream = File.Create(path);
        CsvRecordingWriter.Write(stream, series);
        return path;
    }
}
