using System.Diagnostics;
using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// The torch half of the scoring path taken apart, on the torch thread, with the detector's own steps in the
/// detector's order (Detector.ScoreBatches → ReconstructionScorer.Evaluate): align and scale, slice windows, build
/// each batch's tensor, forward, then the score with its per-channel errors copied out. The forward pass is also
/// run alone on the same tensor, so "contributions" is the score step's time beyond the bare forward pass. On a GPU each
/// step's clock waits for the device (<see cref="TorchRuntime.Synchronize"/>), or it would time only the queueing.
/// </summary>
internal static class TorchStages
{
    public static TorchStageTimes Measure(Detector detector, TimeSeries raw, int batchSize)
    {
        var clock = Stopwatch.StartNew();
        var (scaled, spans) = ScaledWindows(detector, raw);
        var scale = clock.Elapsed;

        var model = detector.Model;
        model.eval();
        TimeSpan noGcEntry = default, tensors = default, forward = default, score = default;
        var scores = new List<(WindowSpan[] Spans, double[] Scores, float[][] Errors)>();
        for (var start = 0; start < spans.Length; start += batchSize)
        {
            var batch = spans.Skip(start).Take(batchSize).ToArray();
            var gcStart = clock.Elapsed;
            // The region ReconstructionScorer.Evaluate runs the batch in (one for a score job's batches); starting one
            // runs a blocking collection.
            using var noGc = ReconstructionScorer.RegionFor(batch.Length);
            noGcEntry += clock.Elapsed - gcStart;
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var t0 = clock.Elapsed;
            var input = WindowBatch.ToTensor(scaled, batch, detector.Device);
            TorchRuntime.Synchronize(detector.Device);
            var t1 = clock.Elapsed;
            using (torch.NewDisposeScope())
                model.forward(input);
            TorchRuntime.Synchronize(detector.Device);
            var t2 = clock.Elapsed;
            var (values, channelErrors) = model.Score(input);
            var scoreValues = values.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            var perChannel = channelErrors.cpu().data<float>().ToArray();
            var channels = (int)channelErrors.shape[1];
            var errors = new float[batch.Length][];
            for (var i = 0; i < batch.Length; i++)
                errors[i] = perChannel.AsSpan(i * channels, channels).ToArray();
            var t3 = clock.Elapsed;
            tensors += t1 - t0;
            forward += t2 - t1;
            score += t3 - t2;
            scores.Add((batch, scoreValues, errors));
        }
        return new TorchStageTimes(spans.Length, scale, noGcEntry, tensors, forward, score - forward, scores);
    }

    /// <summary>
    /// The bare forward passes of the same batches run the way a score job runs them (ADR 0011): side by side on
    /// <paramref name="lanes"/>, one libtorch thread each, every lane taking the next batch when it is free. The batch
    /// tensors are built first, outside the time, as for <see cref="Measure"/>'s forward.
    /// </summary>
    public static TimeSpan ForwardOnLanes(Detector detector, TimeSeries raw, int batchSize, TorchLanes lanes)
    {
        var (scaled, spans) = ScaledWindows(detector, raw);
        var model = detector.Model;
        model.eval();
        using var inputs = torch.NewDisposeScope();
        var batches = spans.Chunk(batchSize).Select(batch => WindowBatch.ToTensor(scaled, batch, detector.Device)).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var _ in lanes.InOrder(batches.Length, (index, _) =>
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            model.forward(batches[index]);
            return index;
        }, ahead: 2 * lanes.Count))
        {
        }
        return clock.Elapsed;
    }

    /// <summary>The recording aligned and scaled as the detector sees it, and its windows.</summary>
    private static (TimeSeries Scaled, WindowSpan[] Spans) ScaledWindows(Detector detector, TimeSeries raw)
    {
        var scaled = detector.Preprocessing.Transform(ChannelAlignment.Align(raw, detector.Channels));
        var spans = WindowSlicer.Slice(scaled.Rows, detector.Window, detector.Metadata.ScoringStride).ToArray();
        return (scaled, spans);
    }
}

/// <param name="Contributions">The score step (forward, squared error, per-channel means, copy out) less the bare forward pass.</param>
internal sealed record TorchStageTimes(
    int Windows, TimeSpan ScaleAndSlice, TimeSpan NoGcEntry, TimeSpan Tensors, TimeSpan Forward, TimeSpan Contributions,
    IReadOnlyList<(WindowSpan[] Spans, double[] Scores, float[][] Errors)> Batches);
