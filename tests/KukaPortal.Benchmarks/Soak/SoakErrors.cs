using System.Collections.Concurrent;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>Every error the soak saw, counted by kind, with the first few messages of each kind for the report.</summary>
public sealed class SoakErrors
{
    public const string Http = "HTTP non-2xx";
    public const string Disconnect = "hub disconnects";
    public const string FailedJob = "failed jobs";
    public const string LostWindow = "lost windows";
    public const string Exception = "exceptions";
    /// <summary>A kind of load that completed nothing in the whole soak (no push, upload, page load or job): something hangs.</summary>
    public const string Stalled = "stalled load";
    public static readonly string[] Kinds = [Http, Disconnect, FailedJob, LostWindow, Exception, Stalled];

    private const int SamplesPerKind = 3;
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<string> _samples = new();

    public void Add(string kind, string message, int count = 1)
    {
        if (count <= 0) return;
        if (_counts.AddOrUpdate(kind, count, (_, n) => n + count) - count < SamplesPerKind) _samples.Enqueue($"{kind}: {message}");
    }

    public int Count(string kind) => _counts.GetValueOrDefault(kind);

    public int Total => _counts.Values.Sum();

    public IReadOnlyCollection<string> Samples => _samples;
}
