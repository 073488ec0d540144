namespace KukaPortal.Cli.Commands.Bench;

/// <summary>
/// The best of several timed runs of one operation on one file. Megabytes are 10^6 bytes of the file
/// on disk, so MB/s compares formats by what an upload has to carry, not by what they decode to.
/// </summary>
public sealed record BenchResult(string Name, string Measures, long FileBytes, int Rows, int Channels, double BestSeconds, BenchTarget Target)
{
    public double FileMegabytes => FileBytes / 1e6;

    public double MegabytesPerSecond => FileMegabytes / BestSeconds;

    public bool? MeetsTarget => Target.IsMetBy(BestSeconds, MegabytesPerSecond);
}
