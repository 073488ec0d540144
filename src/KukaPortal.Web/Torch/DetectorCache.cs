using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Jobs;
using static TorchSharp.torch;

namespace KukaPortal.Web.Torch;

/// <summary>
/// The last few detectors that score jobs, the reconstruction view, the inspection view and live image scoring used,
/// loaded once each: scoring recording after recording with an asset's model, clicking through the windows of one
/// run, or scoring image after image would otherwise read and unpack the same model file every time (and each load
/// leaves a few KB of native memory behind). Keyed by model id and threshold override, because a model's file never
/// changes after training (a retrain is a new model), so nothing is ever invalidated.
/// The detectors hold native tensors that belong to the torch thread (ADR 0002), so the cache is only ever
/// touched there: every lookup, load, use, release and eviction runs on the <see cref="TorchExecutor"/>'s thread,
/// which is also why it needs no lock.
/// </summary>
public sealed class DetectorCache(TorchExecutor torch, ILogger<DetectorCache> logger) : IAsyncDisposable
{
    /// <summary>Detectors kept; the least recently used one that no job holds is disposed when a fifth is loaded.</summary>
    public const int Capacity = 4;

    // Most recently used first; the dictionary finds a model's node without walking the list.
    private readonly LinkedList<Entry> _recent = new();
    private readonly Dictionary<CacheKey, LinkedListNode<Entry>> _byKey = [];
    private long _loads;

    /// <summary>
    /// A time-series detector carries the engineer's threshold override when one is set (batch scoring decides with
    /// it) and the trained threshold otherwise (what the reconstruction view shows, and the same detector); an image
    /// detector always carries the override, because live image scoring decides verdicts with it. A changed override
    /// is a new entry.
    /// </summary>
    private readonly record struct CacheKey(int ModelId, bool Image, double? ThresholdOverride);

    /// <summary>A cached detector and how many score jobs hold it (a held detector is never evicted).</summary>
    private sealed class Entry(CacheKey key, IDisposable detector)
    {
        public CacheKey Key { get; } = key;
        public IDisposable Detector { get; } = detector;
        public int Holders { get; set; }
    }

    /// <summary>How many times a model file was read since start: what shows that a repeat reconstruction hit the cache.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Runs <paramref name="work"/> on the torch thread at Live priority with model <paramref name="modelId"/>'s detector, loading it from <paramref name="path"/> if it is not cached.</summary>
    public Task<T> RunAsync<T>(int modelId, string path, Device device, Func<Detector, T> work) =>
        torch.RunAsync(TorchPriority.Live, () => work(Get(new CacheKey(modelId, false, null), () => Detector.Load(path, device)).Detector));

    /// <summary>Runs <paramref name="work"/> on the torch thread at Live priority with an inspection station's image detector, its threshold override applied.</summary>
    public Task<T> RunImagesAsync<T>(BlobStore blobs, DetectorModel model, Device device, Func<ImageDetector, T> work) =>
        torch.RunAsync(TorchPriority.Live, () => work(GetImages(blobs, model, device).Detector));

    /// <summary>
    /// For a batch scoring job, already on the torch thread: the asset model's detector with its threshold override,
    /// held until the lease is disposed, so that live work run between the job's batches cannot evict it. Jobs after
    /// the first with the same model read no file (and leave no per-load native memory behind).
    /// </summary>
    public Lease<Detector> Hold(BlobStore blobs, DetectorModel model, Device device) =>
        HoldEntry<Detector>(Get(new CacheKey(model.Id, false, model.ThresholdOverride), () => AssetDetector.Load(blobs, model, device)).Entry);

    /// <summary>The image counterpart of <see cref="Hold"/>, for an image scoring job.</summary>
    public Lease<ImageDetector> HoldImages(BlobStore blobs, DetectorModel model, Device device) =>
        HoldEntry<ImageDetector>(GetImages(blobs, model, device).Entry);

    /// <summary>A job's hold on a cached detector; disposing it (on the torch thread) lets the cache evict the detector again.</summary>
    public sealed class Lease<TDetector>(TDetector detector, Action release) : IDisposable
    {
        private Action? _release = release;
        public TDetector Detector { get; } = detector;

        public void Dispose()
        {
            _release?.Invoke();
            _release = null;
        }
    }

    private (ImageDetector Detector, Entry Entry) GetImages(BlobStore blobs, DetectorModel model, Device device) =>
        Get(new CacheKey(model.Id, true, model.ThresholdOverride), () => AssetDetector.LoadImages(blobs, model, device));

    private Lease<TDetector> HoldEntry<TDetector>(Entry entry) where TDetector : IDisposable
    {
        entry.Holders++;
        return new Lease<TDetector>((TDetector)entry.Detector, () => Release(entry));
    }

    private void Release(Entry entry)
    {
        entry.Holders--;
        EvictBeyondCapacity();
    }

    private (TDetector Detector, Entry Entry) Get<TDetector>(CacheKey key, Func<TDetector> load) where TDetector : IDisposable
    {
        if (_byKey.TryGetValue(key, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return ((TDetector)node.Value.Detector, node.Value);
        }

        var detector = load();
        Interlocked.Increment(ref _loads);
        var entry = new Entry(key, detector);
        _byKey[key] = _recent.AddFirst(entry);
        EvictBeyondCapacity(keep: entry); // the caller is about to use it, even if every older one is held
        return (detector, entry);
    }

    /// <summary>Disposes the least recently used detectors that no job holds (and not <paramref name="keep"/>) until the cache is back to its capacity.</summary>
    private void EvictBeyondCapacity(Entry? keep = null)
    {
        for (var node = _recent.Last; node is not null && _recent.Count > Capacity;)
        {
            var previous = node.Previous;
            if (node.Value.Holders == 0 && node.Value != keep)
            {
                _recent.Remove(node);
                _byKey.Remove(node.Value.Key);
                node.Value.Detector.Dispose();
            }
            node = previous;
        }
    }

    private void Clear()
    {
        foreach (var entry in _recent) entry.Detector.Dispose();
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
