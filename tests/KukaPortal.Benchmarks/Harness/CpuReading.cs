using System.Diagnostics;
using System.Globalization;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>
/// CPU seconds spent by this process (portal, feeders and dashboards together) and by the PostgreSQL cluster between
/// two readings. Latency on a saturated machine follows the load, so CPU per window is the steadier measure of what a
/// change saves. PostgreSQL is every process named <c>postgres</c> on the machine (the bench's cluster when nothing
/// else runs), with the CPU of exited backends as their parent's children's time. The process's full (gen 2) collections
/// and its total GC pause time come with it: a pause stops every thread, the push path's included. So does the whole
/// machine's CPU time (all cores, idle included) and the part of it the hypervisor gave to other guests (steal): the
/// same code costs this VM's CPU 2.9 ms a live window in one hour and 4.5 ms in another, and steal says whether the
/// host took the difference.
/// </summary>
public readonly record struct CpuReading(
    double ProcessSeconds, double PostgresSeconds, int FullCollections, TimeSpan GcPauses, double MachineSeconds, double IdleSeconds, double StealSeconds)
{
    private const double TicksPerSecond = 100; // USER_HZ; Linux has reported 100 on every architecture since 2.6

    public static CpuReading Now()
    {
        var (machine, idle, steal) = MachineSecondsNow();
        return new(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, PostgresSecondsNow(), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
            machine, idle, steal);
    }

    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.ProcessSeconds - before.ProcessSeconds, after.PostgresSeconds - before.PostgresSeconds,
            after.FullCollections - before.FullCollections, after.GcPauses - before.GcPauses,
            after.MachineSeconds - before.MachineSeconds, after.IdleSeconds - before.IdleSeconds, after.StealSeconds - before.StealSeconds);

    /// <summary>The share of the machine's CPU time between two readings that was busy (not idle, not stolen), in percent; NaN without any.</summary>
    public double BusyPercent => MachineSeconds > 0 ? 100 * (MachineSeconds - IdleSeconds - StealSeconds) / MachineSeconds : double.NaN;

    /// <summary>The share the hypervisor gave to other guests, in percent; NaN without any.</summary>
    public double StealPercent => MachineSeconds > 0 ? 100 * StealSeconds / MachineSeconds : double.NaN;

    /// <summary>
    /// The first line of /proc/stat, all cores: user nice system idle iowait irq softirq steal (guest time is already in
    /// user). Idle here counts iowait too.
    /// </summary>
    private static (double Machine, double Idle, double Steal) MachineSecondsNow()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture) / TicksPerSecond).ToArray();
        return (fields.Sum(), fields[3] + fields[4], fields[7]);
    }

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
