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
    /// Per-window scores and per-channel contributions [windows][channels] of one batch. Switches the model to
    /// eval mode; the dispose scope and no_grad live in this one synchronous block.
    /// </summary>
    public static (double[] Scores, float[][] ChannelErrors) Evaluate(WindowModel model, TimeSeries scaled, IReadOnlyList<WindowSpan> spans, Device device)
    {
        model.eval();
        using var noGc = NoGcRegion.Enter();
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
