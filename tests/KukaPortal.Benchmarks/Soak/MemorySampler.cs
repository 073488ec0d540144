using System.Diagnostics;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>
/// The resident set size of this process (the portal and every client, which run in it together) sampled
/// once a second: start, peak and end.
/// </summary>
public sealed class MemorySampler
{
    private long _peak;

    public long Start { get; } = Current();

    public long Peak => Interlocked.Read(ref _peak);

    public static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _peak, Start);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                Sample();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public long Sample()
    {
        var now = Current();
        long peak;
        do peak = Interlocked.Read(ref _peak);
        while (now > peak && Interlocked.CompareExchange(ref _peak, now, peak) != peak);
        return now;
    }
}
