using System.Globalization;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// This process's resident memory from /proc/self/status: VmRSS now and VmHWM, the peak since start or since
/// <see cref="ResetPeak"/>. Native memory (libtorch, Npgsql buffers) counts too, which the GC's figures miss.
/// </summary>
public static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    public static double ResidentMegabytes() => Read("VmRSS:");

    public static double PeakMegabytes() => Read("VmHWM:");

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>A full, compacting collection first, so that garbage waiting for the GC is not counted as growth.</summary>
    public static double SettledResidentMegabytes()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return ResidentMegabytes();
    }

    /// <summary>A numeric line of /proc/self/status: kB lines in MB, others (Threads:) as they are.</summary>
    public static double Read(string field, bool kilobytes = true)
    {
        if (!File.Exists(Status)) throw new PlatformNotSupportedException($"{Status} does not exist: bench memory needs Linux.");
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{Status} has no {field} line.");
        // "VmRSS:	  123456 kB"
        var value = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes ? value * 1024 / 1e6 : value;
    }
}
