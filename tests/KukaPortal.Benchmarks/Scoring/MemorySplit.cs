using System.Globalization;
using System.Runtime.InteropServices;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// Where this process's resident memory is, after a full compacting GC: the GC's live objects and what it keeps
/// committed, and glibc malloc's bytes in use and freed-but-kept (libtorch, Npgsql and the runtime allocate there).
/// Growth in "malloc in use" that keeps climbing job after job is a native leak; growth in "malloc free" is the
/// allocator keeping freed blocks, which RSS counts but nothing holds.
/// </summary>
public sealed record MemorySplit(double ResidentMb, double AnonymousMb, double FileMb, double SharedMb, long JitMethods, int Threads, double ManagedLiveMb, double ManagedCommittedMb, double MallocInUseMb, double MallocFreeMb)
{
    public static MemorySplit Settled()
    {
        var resident = ProcessMemory.SettledResidentMegabytes();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        var malloc = Mallinfo2();
        return new MemorySplit(resident, ProcessMemory.Read("RssAnon:"), ProcessMemory.Read("RssFile:"), ProcessMemory.Read("RssShmem:"), System.Runtime.JitInfo.GetCompiledMethodCount(), (int)ProcessMemory.Read("Threads:", kilobytes: false), GC.GetTotalMemory(forceFullCollection: false) / 1e6, gc.TotalCommittedBytes / 1e6,
            // uordblks: in use in the arenas; hblkhd: in use in blocks malloc mmapped on their own (freed at once when freed).
            (double)(malloc.uordblks + malloc.hblkhd) / 1e6, (double)malloc.fordblks / 1e6);
    }

    public string Row(string label) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {ResidentMb:N1} | {AnonymousMb:N1} | {FileMb:N1} | {SharedMb:N1} | {JitMethods:N0} | {Threads} | {ManagedLiveMb:N1} | {ManagedCommittedMb:N1} | {MallocInUseMb:N1} | {MallocFreeMb:N1} |");

    public const string Header = "| After | RSS (MB) | anonymous (MB) | file-backed (MB) | shared (MB) | JIT-compiled methods | threads | managed live (MB) | GC committed (MB) | malloc in use (MB) | malloc free, kept (MB) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static Mallinfo Mallinfo2() => OperatingSystem.IsLinux() ? mallinfo2() : default;

    // glibc 2.33+: struct mallinfo2, ten size_t fields summed over every arena.
    [StructLayout(LayoutKind.Sequential)]
    private struct Mallinfo
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

#pragma warning disable SYSLIB1054 // DllImport: LibraryImport's generated stub needs unsafe code, which this assembly does not allow.
    [DllImport("libc")]
    private static extern Mallinfo mallinfo2();
#pragma warning restore SYSLIB1054
}
