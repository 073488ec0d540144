using System.Diagnostics;
using KukaPortal.Ml.Runtime;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// Seconds per call of synchronous torch work: one warm-up call, then <c>repeat</c> runs of as many calls as fill
/// <c>minSeconds</c>, the best run counting. Torch work is per thread (dispose scopes, no_grad), so this never awaits.
/// </summary>
internal static class TorchTimer
{
    private const int MaxCallsPerRun = 100_000;

    public static double BestSecondsPerCall(Action call, double minSeconds, int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        call();
        var probe = Stopwatch.StartNew();
        call();
        var calls = (int)Math.Clamp(Math.Ceiling(minSeconds / Math.Max(probe.Elapsed.TotalSeconds, 1e-7)), 1, MaxCallsPerRun);

        var best = double.PositiveInfinity;
        for (var run = 0; run < repeat; run++)
        {
            // One no-GC region per run, as the portal holds one per batch (TorchSharp's scalar race, NoGcRegion): the
            // collection that opens it happens here, off the clock, instead of inside the timed calls.
            using var noGc = NoGcRegion.Enter();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
                call();
            best = Math.Min(best, clock.Elapsed.TotalSeconds / calls);
        }
        return best;
    }
}
