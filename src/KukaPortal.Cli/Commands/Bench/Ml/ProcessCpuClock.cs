using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// CPU time of the whole process (all threads). On Linux from getrusage, which the kernel keeps to the microsecond;
/// <see cref="Process.TotalProcessorTime"/> reads /proc in 10 ms clock ticks, too coarse for one timed run of a few
/// tenths of a second on a busy machine.
/// </summary>
internal static class ProcessCpuClock
{
    private const int RusageSelf = 0;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && getrusage(RusageSelf, out var usage) == 0)
            return TimeSpan.FromMicroseconds(usage.UserSeconds * 1e6 + usage.UserMicroseconds + usage.SystemSeconds * 1e6 + usage.SystemMicroseconds);
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs this clock does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

#pragma warning disable SYSLIB1054 // LibraryImport's generated stub needs unsafe code, which this assembly does not allow.
    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
#pragma warning restore SYSLIB1054
}
