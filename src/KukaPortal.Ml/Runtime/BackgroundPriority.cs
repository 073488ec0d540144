using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Lowers the calling thread's CPU priority, so that it gets the cores only as far as the process's other threads (and
/// the machine's) leave them: batch work beside live work. On Linux that is the thread's nice value, which Linux keeps
/// per thread and which a process may raise without privileges; .NET's <c>Thread.Priority</c> changes nothing there
/// (dotnet/runtime#91165), so this calls nice(2) itself. Elsewhere it does nothing.
/// </summary>
internal static class BackgroundPriority
{
    /// <summary>
    /// Ten steps nicer than the caller: Linux's scheduler then gives a thread at the caller's priority about nine tenths
    /// of a core both want, and prefers it when it wakes. Measured beside 200 live dashboards (docs/performance.md, *Push latency*, round 11).
    /// </summary>
    public const int Nice = 10;

    public static void LowerCallingThread()
    {
        // glibc's nice() is setpriority(PRIO_PROCESS, 0, …) on the calling thread under NPTL, clamped at 19. A failure
        // leaves the thread at its priority, which is only slower for the live work beside it.
        if (OperatingSystem.IsLinux())
            nice(Nice);
    }

    [DllImport("libc")]
    private static extern int nice(int increment);
}
