using System.Globalization;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>What an issue asks of one measurement: at least some throughput, or at most some time (or nothing).</summary>
public sealed record BenchTarget(double? MinMegabytesPerSecond = null, double? MaxSeconds = null)
{
    public static BenchTarget None { get; } = new();

    public static BenchTarget AtLeast(double megabytesPerSecond) => new(MinMegabytesPerSecond: megabytesPerSecond);

    public static BenchTarget AtMost(double seconds) => new(MaxSeconds: seconds);

    /// <summary>Null when there is no target.</summary>
    public bool? IsMetBy(double seconds, double megabytesPerSecond) =>
        MinMegabytesPerSecond is { } least ? megabytesPerSecond >= least
        : MaxSeconds is { } most ? seconds <= most
        : null;

    public override string ToString() =>
        MinMegabytesPerSecond is { } least ? string.Create(CultureInfo.InvariantCulture, $"≥ {least:0.###} MB/s")
        : MaxSeconds is { } most ? string.Create(CultureInfo.InvariantCulture, $"≤ {most:0.###} s")
        : "none";
}
