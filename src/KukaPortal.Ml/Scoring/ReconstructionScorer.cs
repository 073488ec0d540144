using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.ConvAutoencoder;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Scoring;

/// <summary>Per-window reconstruction errors of a batch; shared by training (held-out windows) and the detector.</summary>
internal static class ReconstructionScorer
{
    /// <summary>
    /// Mean squared error per window and channel, [windows][channels], of windows of a scaled series.
    /// Switches the model to eval mode; the dispose scope and no_grad live in this one synchronous block.
    /// </summary>
    public static float[][] ChannelErrors(ConvAeModel model, TimeSeries scaled, IReadOnlyList<WindowSpan> spans, Device device)
    {
        model.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();

        var input = WindowBatch.ToTensor(scaled, spans, device);
        var squared = (model.forward(input) - input).square();
        var perChannel = squared.mean([2L]).cpu().data<float>().ToArray();

        var channels = scaled.ChannelCount;
        var errors = new float[spans.Count][];
        for (var i = 0; i < spans.Count; i++)
            errors[i] = perChannel.AsSpan(i * channels, channels).ToArray();
        return errors;
    }

    /// <summary>Window score: the mean over channels × time, i.e. the mean of the per-channel means.</summary>
    public static double Score(float[] channelErrors)
    {
        var sum = 0.0;
        foreach (var e in channelErrors)
            sum += e;
        return sum / channelErrors.Length;
    }

    /// <summary>Scores of many windows, in batches.</summary>
    public static double[] Scores(ConvAeModel model, TimeSeries scaled, IReadOnlyList<WindowSpan> spans, Device device, int batchSize)
    {
        var scores = new double[spans.Count];
        for (var start = 0; start < spans.Count; start += batchSize)
        {
            var batch = spans.Skip(start).Take(batchSize).ToArray();
            var errors = ChannelErrors(model, scaled, batch, device);
            for (var i = 0; i < errors.Length; i++)
                scores[start + i] = Score(errors[i]);
        }
        return scores;
    }
}
