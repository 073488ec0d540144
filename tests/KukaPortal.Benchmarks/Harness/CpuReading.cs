using System.Diagnostics;
using System.Globalization;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>
/// CPU seconds spent by this process (portal, feeders and dashboards together) and by the PostgreSQL cluster between
/// two readings. Latency on a saturated machine follows the load, so CPU per window is the steadier measure of what a
/// change saves. PostgreSQL is every process named <c>postgres</c> on the machine (the bench's cluster when nothing
/// else runs), with the CPU of exited backends as their parent's children's time. The process's full (gen 2) collections
/// and its total GC pause time come with it: a pause stops every thread, the push path's included.
/// </summary>
public readonly record struct CpuReading(double ProcessSeconds, double PostgresSeconds, int FullCollections, TimeSpan GcPauses)
{
    private const double TicksPerSecond = 100; // USER_HZ; Linux has reported 100 on every architecture since 2.6

    public static CpuReading Now() =>
        new(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, PostgresSecondsNow(), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.ProcessSeconds - before.ProcessSeconds, after.PostgresSeconds - before.PostgresSeconds,
            after.FullCollections - before.FullCollections, after.GcPauses - before.GcPauses);

    private static double PostgresSecondsNow()
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0])) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // the process exited meanwhile
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
            var open = stat.IndexOf('('); var close = stat.LastIndexOf(')');
            if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres") continue;
            var fields = stat[(close + 2)..].Split(' ');
            // fields[0] is the state (field 3 of stat): utime, stime, cutime, cstime are fields 14–17.
            for (var f = 11; f <= 14; f++) ticks += double.Parse(fields[f], CultureInfo.InvariantCulture);
        }
        return ticks / TicksPerSecond;
    }
}
