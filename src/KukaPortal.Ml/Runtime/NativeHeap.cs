using System.Runtime.InteropServices;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Hands the native heap's freed pages back to the operating system (glibc's malloc_trim) after a job.
/// <para>
/// Why: libtorch allocates every tensor with malloc. glibc keeps what a job frees in its arenas (one per thread that
/// allocated: the torch thread, its OpenMP workers, the thread pool) for the next allocation, so the process's
/// resident size grows by what the largest jobs freed, job after job, until every arena holds its high-water mark;
/// nothing leaks, but RSS counts it. Measured with `./kukaportal bench memory` (docs/performance.md, "Memory"):
/// malloc's freed-but-kept bytes grew from 28 to 45 MB over 300 score and 10 training jobs while the bytes in use
/// stayed flat. malloc_trim(0) releases the free pages of every arena (a few milliseconds); it is safe while other
/// threads allocate, as each arena is locked while it is trimmed.
/// </para>
/// </summary>
public static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Returns freed native memory to the system; a no-op where the C library has no malloc_trim (non-glibc).</summary>
    /// <returns>Whether any memory was released.</returns>
    public static bool ReturnFreedMemory()
    {
        if (_unavailable) return false;
        try
        {
            return malloc_trim(0) != 0;
        }
        catch (EntryPointNotFoundException)
        {
            // musl (Alpine) has no malloc_trim, and its allocator returns memory by itself.
            _unavailable = true;
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, which this assembly does not allow.
#pragma warning disable SYSLIB1054
    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
#pragma warning restore SYSLIB1054
}
