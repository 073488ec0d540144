using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Torch;
using static TorchSharp.torch;

namespace KukaPortal.Web.Reconstruction;

/// <summary>
/// The last few detectors the reconstruction view used, loaded once each: clicking through the windows of one
/// run would otherwise read and unpack the same model file on every click. Keyed by model id alone, because a
/// model's file never changes after training (a retrain is a new model), so nothing is ever invalidated.
/// The detectors hold native tensors that belong to the torch thread (ADR 0002), so the cache is only ever
/// touched there: every lookup, load, use and eviction runs inside one <see cref="TorchExecutor"/> item,
/// which is also why it needs no lock.
/// </summary>
public sealed class DetectorCache(TorchExecutor torch, ILogger<DetectorCache> logger) : IAsyncDisposable
{
    /// <summary>Detectors kept; the least recently used one is disposed when a fifth is loaded.</summary>
    public const int Capacity = 4;

    // Most recently used first; the dictionary finds a model's node without walking the list.
    private readonly LinkedList<(int ModelId, Detector Detector)> _recent = new();
    private readonly Dictionary<int, LinkedListNode<(int ModelId, Detector Detector)>> _byModel = [];
    private long _loads;

    /// <summary>How many times a model file was read since start: what shows that a repeat reconstruction hit the cache.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Runs <paramref name="work"/> on the torch thread at Live priority with model <paramref name="modelId"/>'s detector, loading it from <paramref name="path"/> if it is not cached.</summary>
    public Task<T> RunAsync<T>(int modelId, string path, Device device, Func<Detector, T> work) =>
        torch.RunAsync(TorchPriority.Live, () => work(Get(modelId, path, device)));

    private Detector Get(int modelId, string path, Device device)
    {
        if (_byModel.TryGetValue(modelId, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Detector;
        }

        var detector = Detector.Load(path, device);
        Interlocked.Increment(ref _loads);
        _byModel[modelId] = _recent.AddFirst((modelId, detector));
        if (_recent.Count > Capacity)
        {
            var evicted = _recent.Last!.Value;
            _recent.RemoveLast();
            _byModel.Remove(evicted.ModelId);
            evicted.Detector.Dispose();
        }
        return detector;
    }

    private void Clear()
    {
        foreach (var (_, detector) in _recent) detector.Dispose();
        _recent.Clear();
        _byModel.Clear();
    }

    /// <summary>Disposes the cached detectors on the torch thread (the executor, a dependency, is disposed after this).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Loads == 0) return;
        try
        {
            await torch.RunAsync(TorchPriority.Live, Clear).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // The torch thread is stuck in long work at shutdown; the process frees the native memory as it exits.
            logger.LogWarning("Cached detectors were not disposed: the torch thread did not become free within 10 s.");
        }
    }
}
