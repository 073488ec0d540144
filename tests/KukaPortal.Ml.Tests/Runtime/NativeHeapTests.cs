using System.Globalization;
using KukaPortal.Ml.Runtime;
using Shouldly;
using TorchSharp;

namespace KukaPortal.Ml.Tests.Runtime;

/// <summary>
/// What a job leaves behind in malloc's arenas: libtorch tensors of 64 KB (below glibc's mmap threshold, so they come
/// from an arena, like a scoring batch's intermediates) are freed, and the arena keeps their pages until
/// <see cref="NativeHeap.ReturnFreedMemory"/> hands them back. Test parallelisation is off in this assembly, so no other
/// test allocates in between.
/// </summary>
public sealed class NativeHeapTests
{
    private const int Tensors = 640;
    private const long FloatsPerTensor = 16 * 1024; // 64 KB each, 40 MB in all

    [Fact]
    public void Freed_tensor_memory_goes_back_to_the_system()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "RssAnon and malloc_trim are Linux (glibc) facts.");
        var tensors = Enumerable.Range(0, Tensors).Select(_ => torch.ones(FloatsPerTensor)).ToList(); // ones: every page touched
        // The last tensor stays alive, so the freed ones lie below it and free() cannot give them back by shrinking the heap's top.
        foreach (var tensor in tensors.Take(Tensors - 1)) tensor.Dispose();
        var withFreedPages = AnonymousResidentMegabytes();

        NativeHeap.ReturnFreedMemory().ShouldBeTrue();
        var afterwards = AnonymousResidentMegabytes();
        tensors[^1].Dispose();

        // 40 MB were freed; at least half of it must have left the process (the rest of the arena holds other objects' pages).
        (withFreedPages - afterwards).ShouldBeGreaterThan(20, $"RssAnon {withFreedPages:N1} MB before the trim, {afterwards:N1} MB after");
    }

    private static double AnonymousResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
