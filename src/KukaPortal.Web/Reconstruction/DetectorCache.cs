using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Torch;
using static TorchSharp.torch;

namespace KukaPortal.Web.Reconstruction;

/// <summary>
/// The last few detectors the reconstruction view, the inspection view and live image scoring used, loaded once
/// each: clicking through the windows of one run, or scoring image after image, would otherwise read and unpack the
/// same model file every time. Keyed by model id (and, for image detectors, the threshold override), because a
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
    private readonly LinkedList<(CacheKey Key, IDisposable Detector)> _recent = new();
    private readonly Dictionary<CacheKey, LinkedListNode<(CacheKey Key, IDisposable Detector)>> _byKey = [];
    private long _loads;

    /// <summary>
    /// A time-series detector is cached as trained (the reconstruction view shows the trained threshold); an image
    /// detector with the engineer's override applied, because live image scoring decides verdicts with it, so a
    /// changed override is a new entry.
    /// </summary>
    private readonly record struct CacheKey(int ModelId, bool Image, double? ThresholdOverride);

    /// <summary>How many times a model file was read since start: what shows that a repeat reconstruction hit the cache.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Runs <paramref name="work"/> on the torch thread at Live priority with model <paramref name="modelId"/>'s detector, loading it from <paramref name="path"/> if it is not cached.</summary>
    public Task<T> RunAsync<T>(int modelId, string path, Device device, Func<Detector, T> work) =>
        torch.RunAsync(TorchPriority.Live, () => work(Get(new CacheKey(modelId, false, null), () => Detector.Load(path, device))));

    /// <summary>Runs <paramref name="work"/> on the torch thread at Live priority with an inspection station's image detector, its threshold override applied.</summary>
    public Task<T> RunImagesAsync<T>(BlobStore blobs, DetectorModel model, Device device, Func<ImageDetector, T> work) =>
        torch.RunAsync(TorchPriority.Live, () => work(Get(new CacheKey(model.Id, true, model.ThresholdOverride), () => AssetDetector.LoadImages(blobs, model, device))));

    private TDetector Get<TDetector>(CacheKey key, Func<TDetector> load) where TDetector : IDisposable
    {
        if (_byKey.TryGetValue(key, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return (TDetector)node.Value.Detector;
        }

        var detector = load();
        Interlocked.Increment(ref _loads);
        _byKey[key] = _recent.AddFirst((key, detector));
        if (_recent.Count > Capacity)
        {
            var evicted = _recent.Last!.Value;
            _recent.RemoveLast();
            _byKey.Remove(evicted.Key);
            evicted.Detector.Dispose();
        }
        return detector;
    }

    private void Clear()
    {
        foreach (var (_, detector) in _recent) detector.Dispose();
        _recent.Clear();
        _byKey.Clear();
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
