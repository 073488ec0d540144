using System.Runtime;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Holds garbage collection off while one unit of torch work (a training step, an image scoring batch) runs. Window
/// scoring needs none to be safe, since it leaves no temporary Scalar (<see cref="ConstantScalars"/>); a score job's
/// large batches use one anyway, for speed (<c>ReconstructionScorer.Evaluate</c>).
/// <para>
/// Why: TorchSharp 0.107 turns numbers into temporary <c>Scalar</c> objects (in <c>x * 2</c>, in BatchNorm, in
/// Adam's update) and passes only their native handles to libtorch. A collection during that native call finds the
/// managed object dead, and its finalizer frees the native scalar while libtorch still reads it. Under load,
/// training died every few hundred iterations with "Unknown scalar type", "Expected false to be true" or
/// "argument alpha must not be a floating point number" (dotnet/TorchSharp PRs 1434 and 1496). With no
/// collection inside the unit, nothing is finalized mid-call; the collection that starts the region runs while no
/// native call is in flight on this thread.
/// </para>
/// <para>
/// The region is process-wide and best effort: when other threads allocate past the budget the runtime ends it
/// early (protection is lost for the rest of that unit, nothing fails), and a region never nests.
/// </para>
/// </summary>
internal readonly struct NoGcRegion : IDisposable
{
    private const long Budget = 64L * 1024 * 1024;

    private readonly bool started;

    private NoGcRegion(bool started) => this.started = started;

    public static NoGcRegion Enter()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            return default;
        try
        {
            // With a full blocking collection first, on purpose. Asking without one (disallowFullBlockingGC) made each
            // scoring batch's entry cheaper (2 % of a score job) but let the heap grow instead of collecting: the
            // soak's peak RSS doubled (1.07 → 2.18 GB, docs/performance.md, "Scoring pipeline").
            return new NoGcRegion(GC.TryStartNoGCRegion(Budget));
        }
        catch (InvalidOperationException)
        {
            return default; // another thread started one first
        }
    }

    public void Dispose()
    {
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
            return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The budget ran out and the runtime already ended the region.
        }
    }
}
