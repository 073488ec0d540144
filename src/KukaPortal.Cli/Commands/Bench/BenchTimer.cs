using System.Diagnostics;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>
/// Best-of-K wall-clock timing with a Stopwatch. BenchmarkDotNet is built for micro-benchmarks (many
/// short invocations in a separate process); these operations read hundreds of megabytes and take
/// seconds, so a warm-up and the best of a few runs is the honest and much quicker measure.
/// </summary>
public static class BenchTimer
{
    /// <summary>Runs <paramref name="run"/> once to warm up (JIT, page cache), then <paramref name="repeat"/> times; the fastest run's seconds.</summary>
    public static async Task<double> BestSecondsAsync(int repeat, Func<Task> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        await run();
        var best = double.PositiveInfinity;
        for (var i = 0; i < repeat; i++)
        {
            // The previous run's garbage must not be collected on this run's clock.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var clock = Stopwatch.StartNew();
            await run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
