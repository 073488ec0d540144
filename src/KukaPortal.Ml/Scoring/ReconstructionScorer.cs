using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Scoring;

/// <summary>Scores batches of windows of a preprocessed series; shared by training (held-out windows) and the detector.</summary>
internal static class ReconstructionScorer
{
    /// <summary>
    /// From this many windows a batch runs in a no-GC region, for speed only (see <see cref="Evaluate"/>).
    /// </summary>
    public const int RegionFromWindows = 64;

    /// <summary>The no-GC region a batch of <paramref name="windows"/> runs in: one from <see cref="RegionFromWindows"/> on, else none.</summary>
    public static NoGcRegion RegionFor(int windows) => windows >= RegionFromWindows ? NoGcRegion.Enter() : default;

    /// <summary>
    /// Per-window scores and per-channel contributions [windows][channels] of one batch. Switches a model in training
    /// mode to eval mode; the dispose scope and no_grad live in this one synchronous block.
    /// <para>
    /// Scoring needs no no-GC region to be safe, unlike training: every family's scoring path hands libtorch only held
    /// Scalars (<see cref="ConstantScalars"/>; ScalarFreeScoringTests counts), so a collection mid-batch frees nothing
    /// libtorch reads. A large batch (a score job's 256 windows) still runs in one, for speed: the blocking collection
    /// that opens it costs about 1 % of the batch, and without it collections ran during the batches and the score
    /// job's full path lost about a quarter of its windows/s. A small batch (a live step's few windows) skips it: there
    /// the collection per step cost about a fifth of the portal's CPU per live window (docs/performance.md, "Push
    /// latency", round 5).
    /// </para>
    /// </summary>
    public static (double[] Scores, float[][] ChannelErrors) Evaluate(WindowModel model, TimeSeries scaled, IReadOnlyList<WindowSpan> spans, Device device)
    {
        // Training switches the whole model (train() and eval() on the root), so the root's flag speaks for every
        // submodule. eval() walks all of them with a native call each: on every live window's forward that was 0.7 % of
        // the push bench's machine (docs/performance.md, "Push latency", round 8); a detector's model is already in eval.
        if (model.training) model.eval();
        using var noGc = RegionFor(spans.Count);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();

        var (scores, channelErrors) = model.Score(WindowBatch.ToTensor(scaled, spans, device));
        var scoreValues = scores.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        var perChannel = channelErrors.cpu().data<float>().ToArray();

        var channels = (int)channelErrors.shape[1];
        var errors = new float[spans.Count][];
        for (var i = 0; i < spans.Count; i++)
            errors[i] = perChannel.AsSpan(i * channels, channels).ToArray();
        return (scoreValues, errors);
    }

    /// <summary>Scores of many windows, in batches.</summary>
    public static double[] Scores(WindowModel model, TimeSeries scaled, IReadOnlyList<WindowSpan> spans, Device device, int batchSize)
    {
        var scores = new double[spans.Count];
        for (var start = 0; start < spans.Count; start += batchSize)
        {
            var batch = spans.Skip(start).Take(batchSize).ToArray();
            Evaluate(model, scaled, batch, device).Scores.CopyTo(scores, start);
        }
        return scores;
    }

    /// <summary>The mean squared reconstruction error over windows: the validation loss, comparable across families whatever their score.</summary>
    public static double MeanSquaredError(WindowModel model, TimeSeries scaled, IReadOnlyList<WindowSpan> spans, Device device, int batchSize)
    {
        model.eval();
        var sum = 0.0;
        for (var start = 0; start < spans.Count; start += batchSize)
        {
            using var noGc = NoGcRegion.Enter();
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var input = WindowBatch.ToTensor(scaled, spans.Skip(start).Take(batchSize).ToArray(), device);
            sum += (model.forward(input) - input).square().mean([1L, 2L]).sum().to_type(ScalarType.Float64).item<double>();
        }
        return sum / spans.Count;
    }
}
