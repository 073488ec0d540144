using KukaPortal.Core.Images;
using KukaPortal.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>What the model says about one image: its raw score terms, its anomaly map [H·W] and, on request, its reconstruction [C·H·W].</summary>
internal sealed record ImageEvaluationResult(double[] Terms, float[] Map, float[]? Reconstruction);

/// <summary>
/// Runs a model over images in batches, in eval mode under no_grad, one dispose scope per batch: the one way the
/// trainer (on held-out images) and the detector (on new ones) get score terms and maps.
/// </summary>
internal static class ImageEvaluation
{
    public static IReadOnlyList<ImageEvaluationResult> Run(ImageModel model, IReadOnlyList<PlanarImage> images, IReadOnlyList<int> indices,
        Device device, int batchSize, bool withReconstruction = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        model.eval();
        var fitted = new MemoryFittedBatches(batchSize, "image");
        var results = new List<ImageEvaluationResult>(indices.Count);
        for (var start = 0; start < indices.Count; start += batchSize)
        {
            var batch = indices.Skip(start).Take(batchSize).ToArray();
            results.AddRange(fitted.Run(batch.Length,
                (offset, length) => RunBatch(model, images, batch.AsSpan(offset, length).ToArray(), device, withReconstruction)));
        }
        return results;
    }

    /// <summary>One forward pass: everything torch-owned is disposed before it returns.</summary>
    private static ImageEvaluationResult[] RunBatch(ImageModel model, IReadOnlyList<PlanarImage> images, int[] batch, Device device, bool withReconstruction)
    {
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = ImageBatch.ToTensor(images, batch, device);
        var (terms, map) = model.ScoreTerms(input);
        var termValues = terms.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        var mapValues = map.cpu().data<float>().ToArray();
        var reconstruction = withReconstruction ? model.forward(input).cpu().data<float>().ToArray() : null;

        var termCount = termValues.Length / batch.Length;
        var pixels = mapValues.Length / batch.Length;
        var imageLength = input.numel() / batch.Length;
        var results = new ImageEvaluationResult[batch.Length];
        for (var i = 0; i < batch.Length; i++)
            results[i] = new ImageEvaluationResult(
                termValues[(i * termCount)..((i + 1) * termCount)],
                mapValues[(i * pixels)..((i + 1) * pixels)],
                reconstruction?[(int)(i * imageLength)..(int)((i + 1) * imageLength)]);
        return results;
    }
}
