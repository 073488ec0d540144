using System.Collections.Concurrent;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>Push latencies of windows formed after <see cref="MeasureFrom"/> (windows of the warm-up are not counted).</summary>
public sealed class LatencyLog
{
    private readonly ConcurrentBag<double> _milliseconds = [];
    private long _measureFromTicks = DateTimeOffset.MaxValue.UtcTicks;

    public void MeasureFrom(DateTimeOffset from) => Interlocked.Exchange(ref _measureFromTicks, from.UtcTicks);

    public bool Counts(DateTimeOffset windowAt) => windowAt.UtcTicks >= Interlocked.Read(ref _measureFromTicks);

    public void Add(DateTimeOffset windowAt, double milliseconds)
    {
        if (Counts(windowAt)) _milliseconds.Add(milliseconds);
    }

    public Percentiles Summary() => Percentiles.Of(_milliseconds);
}
