using System.Diagnostics;
using KukaPortal.Ml.Runtime;
using TorchSharp;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// Seconds per call of synchronous torch work: one warm-up call, then <c>repeat</c> runs of as many calls as fill
/// <c>minSeconds</c>, the best run counting. Torch work is per thread (dispose scopes, no_grad), so this never awaits.
/// <para>
/// The process's CPU time per call is kept too (least over the runs): on a machine shared with other work the wall
/// clock also counts the time torch's threads waited for a core, CPU time mostly does not (torch's idle worker
/// threads spin for a while, so with several threads it still overstates the work a little).
/// </para>
/// <para>
/// On a GPU a call only queues kernels: the clock stops after the device has finished them (<c>torch.cuda.synchronize</c>),
/// so a run counts the work, not how fast it was queued.
/// </para>
/// </summary>
internal static class TorchTimer
{
    private const int MaxCallsPerRun = 100_000;

    public readonly record struct Timing(double WallSecondsPerCall, double CpuSecondsPerCall);

    public static double BestSecondsPerCall(Action call, double minSeconds, int repeat, torch.Device device) =>
        Measure(call, minSeconds, repeat, device).WallSecondsPerCall;

    public static Timing Measure(Action call, double minSeconds, int repeat, torch.Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        call();
        TorchRuntime.Synchronize(device);
        var probe = Stopwatch.StartNew();
        call();
        TorchRuntime.Synchronize(device);
        var calls = (int)Math.Clamp(Math.Ceiling(minSeconds / Math.Max(probe.Elapsed.TotalSeconds, 1e-7)), 1, MaxCallsPerRun);

        var best = double.PositiveInfinity;
        var bestCpu = double.PositiveInfinity;
        for (var run = 0; run < repeat; run++)
        {
            // One no-GC region per run, as the portal holds one per image batch, per score-job batch and per training
            // step (NoGcRegion, ReconstructionScorer.Evaluate): the collection that opens it happens here, off the
            // clock, instead of inside the timed calls.
            using var noGc = NoGcRegion.Enter();
            var cpu = ProcessCpuClock.Now();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
                call();
            TorchRuntime.Synchronize(device);
            best = Math.Min(best, clock.Elapsed.TotalSeconds / calls);
            bestCpu = Math.Min(bestCpu, (ProcessCpuClock.Now() - cpu).TotalSeconds / calls);
        }
        return new Timing(best, bestCpu);
    }
}
