using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Scoring;

/// <summary>
/// A trained detector of any family with its preprocessing, threshold and provenance. Takes raw recordings
/// (original units, any column order) and preprocesses them itself. Not thread-safe: use one instance per
/// worker thread (GUIDE §4).
/// </summary>
public sealed class Detector : IDisposable
{
    private readonly WindowModel model;

    internal Detector(WindowModel model, PreprocessingPipeline preprocessing, ModelMetadata metadata, DetectorSettings settings, Device device)
    {
        this.model = model;
        Preprocessing = preprocessing;
        Metadata = metadata;
        Settings = settings;
        Device = device;
    }

    public ModelMetadata Metadata { get; private set; }
    public DetectorSettings Settings { get; }
    public ModelFamily Family => Metadata.Family;
    public PreprocessingPipeline Preprocessing { get; }
    public Device Device { get; }
    public IReadOnlyList<string> Channels => Metadata.Channels;
    public int Window => Metadata.Window;
    public double Threshold => Metadata.Threshold.Value;

    internal WindowModel Model => model;

    /// <summary>
    /// Scores the windows of <paramref name="raw"/> (stride defaults to W: no overlap), one list per batch,
    /// as soon as each batch is done. Channels are checked before the first batch. A resumed run passes
    /// <paramref name="firstWindow"/>, the index of the first window it has not stored yet. With
    /// <paramref name="lanes"/> on a CPU detector, as many batches as there are lanes are scored side by side
    /// (ADR 0011); the batches still come out in order, each the same as scored alone.
    /// </summary>
    public IEnumerable<IReadOnlyList<WindowScore>> ScoreBatches(TimeSeries raw, int? stride = null, int batchSize = 256, CancellationToken ct = default,
        int firstWindow = 0, TorchLanes? lanes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstWindow);
        var scaled = Preprocessing.Transform(ChannelAlignment.Align(raw, Channels));
        var spans = WindowSlicer.Slice(scaled.Rows, Window, stride ?? Metadata.ScoringStride).Skip(firstWindow).ToArray();
        // Side by side only on a CPU: a GPU spreads one batch over all its cores by itself.
        return lanes is { Count: > 1 } && Device.type == DeviceType.CPU
            ? ScoreBatchesSideBySide(scaled, spans, batchSize, lanes, ct)
            : ScoreBatchesCore(scaled, spans, batchSize, ct);
    }

    private IEnumerable<IReadOnlyList<WindowScore>> ScoreBatchesCore(TimeSeries scaled, IReadOnlyList<WindowSpan> spans, int batchSize, CancellationToken ct)
    {
        var fitted = new MemoryFittedBatches(batchSize, "window");
        foreach (var batch in spans.Chunk(batchSize))
        {
            ct.ThrowIfCancellationRequested();
            // All torch work for the batch finishes here; nothing torch-owned crosses the yield.
            yield return ScoreFitted(fitted, scaled, batch);
        }
    }

    private IEnumerable<IReadOnlyList<WindowScore>> ScoreBatchesSideBySide(TimeSeries scaled, IReadOnlyList<WindowSpan> spans, int batchSize, TorchLanes lanes, CancellationToken ct)
    {
        // Lanes share the model only to read it: switched to eval once here, never concurrently in Evaluate.
        if (model.training) model.eval();
        // A memory fitting per lane: each one shrinks only the batches of the lane that ran out of memory.
        var fitted = Enumerable.Range(0, lanes.Count).Select(_ => new MemoryFittedBatches(batchSize, "window")).ToArray();
        var batches = spans.Chunk(batchSize).ToArray();
        // Two batches a lane at most ahead of the caller: each lane has its next batch while the caller stores.
        return lanes.InOrder(batches.Length, (index, lane) =>
        {
            ct.ThrowIfCancellationRequested();
            return ScoreFitted(fitted[lane], scaled, batches[index]);
        }, ahead: 2 * lanes.Count);
    }

    private List<WindowScore> ScoreFitted(MemoryFittedBatches fitted, TimeSeries scaled, WindowSpan[] batch) =>
        fitted.Run(batch.Length, (offset, length) => ScoreSpans(scaled, batch.AsSpan(offset, length).ToArray()));

    private WindowScore[] ScoreSpans(TimeSeries scaled, WindowSpan[] spans)
    {
        var (values, errors) = ReconstructionScorer.Evaluate(model, scaled, spans, Device);
        var scores = new WindowScore[spans.Length];
        for (var i = 0; i < spans.Length; i++)
            scores[i] = new WindowScore(spans[i].Index, spans[i].StartRow, spans[i].EndRow, values[i], values[i] / Threshold, errors[i]);
        return scores;
    }

    /// <summary>
    /// The model's reconstruction of one window in original units, row-major [time, channel] like
    /// <see cref="TimeSeries.Values"/>, in the order of <see cref="ReconstructedChannels"/>: what the
    /// reconstruction view draws.
    /// </summary>
    public float[] Reconstruct(TimeSeries raw, WindowSpan span)
    {
        var scaled = ScaledWindow(raw, span);

        float[] channelsFirst;
        model.eval();
        using (NoGcRegion.Enter())
        using (var scope = torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var input = WindowBatch.ToTensor(scaled, [new WindowSpan(0, 0, Window)], Device);
            channelsFirst = model.forward(input).cpu().data<float>().ToArray();
        }

        var channels = scaled.ChannelCount;
        var rowMajor = new float[Window * channels];
        for (var c = 0; c < channels; c++)
        {
            for (var t = 0; t < Window; t++)
                rowMajor[t * channels + c] = channelsFirst[c * Window + t];
        }
        return Preprocessing.InverseTransform(new TimeSeries(scaled.Channels, rowMajor)).Values;
    }

    /// <summary>
    /// One window of <paramref name="raw"/> as the model sees it and as it reconstructs it, in scaled units, with
    /// the same score and per-channel errors that <see cref="ScoreBatches"/> gives that window: what the
    /// reconstruction view draws and what an engineer checks a stored score against.
    /// </summary>
    public WindowReconstruction ReconstructWindow(TimeSeries raw, WindowSpan span)
    {
        var scaled = ScaledWindow(raw, span);

        float[] input, output, errors;
        double score;
        model.eval();
        using (NoGcRegion.Enter())
        using (var scope = torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var tensor = WindowBatch.ToTensor(scaled, [new WindowSpan(0, 0, Window)], Device);
            input = tensor.cpu().data<float>().ToArray();
            output = model.forward(tensor).cpu().data<float>().ToArray();
            var (scores, channelErrors) = model.Score(tensor);
            score = scores.to_type(ScalarType.Float64).cpu().item<double>();
            errors = channelErrors.cpu().data<float>().ToArray();
        }

        var channels = scaled.ChannelCount;
        var total = errors.Sum(e => (double)e);
        var shares = errors.Select(e => total > 0 ? (float)(e / total) : 0f).ToArray();
        return new WindowReconstruction(scaled.Channels,
            Enumerable.Range(0, channels).Select(c => input.AsSpan(c * Window, Window).ToArray()).ToArray(),
            Enumerable.Range(0, channels).Select(c => output.AsSpan(c * Window, Window).ToArray()).ToArray(),
            score, Threshold, score / Threshold, errors, shares);
    }

    /// <summary>One window of <paramref name="raw"/>, aligned to the model's channels and scaled as the model sees it.</summary>
    private TimeSeries ScaledWindow(TimeSeries raw, WindowSpan span)
    {
        var aligned = ChannelAlignment.Align(raw, Channels);
        if (span.Length != Window)
            throw new ArgumentException($"The model reconstructs windows of {Window} rows, not {span.Length}.", nameof(span));
        if (span.StartRow < 0 || span.EndRow > aligned.Rows)
            throw new ArgumentOutOfRangeException(nameof(span), $"Rows {span.StartRow}..{span.EndRow} lie outside a recording of {aligned.Rows} rows.");

        var rows = aligned.Values.AsSpan(span.StartRow * aligned.ChannelCount, span.Length * aligned.ChannelCount).ToArray();
        return Preprocessing.Transform(new TimeSeries(Channels, rows));
    }

    /// <summary>The channels <see cref="Reconstruct"/> returns: all the model's channels unless feature selection dropped some.</summary>
    public IReadOnlyList<string> ReconstructedChannels => Preprocessing.Selector?.KeptChannels ?? Channels;

    /// <summary>
    /// Replaces the threshold the trainer set (a quantile of its held-out windows) with one chosen
    /// elsewhere, e.g. f1max on a labelled validation set, so that later scores, <see cref="Save"/> and
    /// the artifact all carry it. Like the trainer, a zero threshold is raised to 1e-12 so calibrated
    /// scores stay finite.
    /// </summary>
    public void ApplyThreshold(ThresholdChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (!double.IsFinite(choice.Value) || choice.Value < 0)
            throw new ArgumentOutOfRangeException(nameof(choice), choice.Value, "A threshold is a finite score, 0 or more.");
        Metadata = Metadata with { Threshold = new ThresholdMetadata(Math.Max(choice.Value, 1e-12), choice.Strategy) };
    }

    /// <summary>Writes the .kpm artifact (zip of weights.bin and metadata.json), replacing any file at the path.</summary>
    public void Save(string path) => DetectorArtifact.Write(path, this);

    /// <summary>Reads a .kpm artifact onto <paramref name="device"/> (CPU when null).</summary>
    public static Detector Load(string path, Device? device = null) => DetectorArtifact.Read(path, device ?? torch.CPU);

    public static Detector Load(string path, TorchDeviceOption device) => Load(path, TorchRuntime.ResolveDevice(device));

    public void Dispose() => model.Dispose();
}
