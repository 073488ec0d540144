using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;
using KukaPortal.Ml.Images;
using TorchSharp;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// Suite 7 of issue 8: images/s each image family scores through <see cref="ImageDetector.Score"/> (batch tensor, score
/// terms, anomaly map, normalisation: what the portal's image jobs call), next to the model's bare forward pass on
/// the same batch, so the cost of scoring beyond the reconstruction shows. The detector is trained for one
/// iteration on simulated surfaces: its weights are barely trained, but the work per image does not depend on them.
/// </summary>
internal sealed class ImageBenchSuite(ImageBenchOptions options, TextWriter progress)
{
    private const int TrainingImages = 8;

    public ImageBenchReport Run(MlBenchContext context, string command, BenchMachine machine)
    {
        var device = context.TorchDevice;
        var rows = new List<ImageBenchRow>();
        foreach (var channels in options.Channels)
        {
            var images = Surfaces(channels, Math.Max(TrainingImages, options.Batches.Max()));
            foreach (var family in options.Families)
            {
                progress.WriteLine($"{family.Name()} {channels} channel(s): training one iteration to get a detector …");
                using var detector = ImageTrainer.Train(images.Take(TrainingImages).ToArray(), Settings(family, channels), device);
                foreach (var batch in options.Batches)
                {
                    progress.WriteLine($"{family.Name()} {channels} channel(s), batch {batch} …");
                    rows.Add(Measure(detector, images.Take(batch).ToArray(), channels));
                }
            }
        }
        return new ImageBenchReport("images", command, DateTimeOffset.UtcNow, machine, context.Finished(), options.Size, options.Repeat, rows);
    }

    private ImageBenchRow Measure(ImageDetector detector, PlanarImage[] batch, int channels)
    {
        IReadOnlyList<ImageScore> scores = [];
        var scoreSeconds = TorchTimer.BestSecondsPerCall(() => scores = detector.Score(batch, batch.Length), options.MinSeconds, options.Repeat, detector.Device);

        double forwardSeconds;
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var input = torch.rand(batch.Length, channels, options.Size, options.Size, device: detector.Device);
            forwardSeconds = TorchTimer.BestSecondsPerCall(() =>
            {
                using var call = torch.NewDisposeScope();
                detector.Model.forward(input);
            }, options.MinSeconds, options.Repeat, detector.Device);
        }
        return new ImageBenchRow(detector.Family.Name(), options.Size, channels, batch.Length, batch.Length / scoreSeconds, batch.Length / forwardSeconds,
            scores.All(s => double.IsFinite(s.Score)));
    }

    /// <summary>Simulated defect-free surfaces at the bench's size, as <c>generate images</c> renders them.</summary>
    private PlanarImage[] Surfaces(int channels, int count) =>
        [.. InspectionSimulator.Generate(new InspectionSimulationOptions
        {
            Size = options.Size, Train = count, TestGood = 0, TestDefectPerKind = 0, Grey = channels == 1,
        }).Select(sample => sample.Image)];

    /// <summary>The family's defaults; only the training run that produces a detector is cut to one small step.</summary>
    private ImageDetectorSettings Settings(ImageModelFamily family, int channels) => new()
    {
        Family = family, Size = options.Size, Channels = channels, Iterations = 1, BatchSize = 2, ProgressInterval = 1, HeldOutFraction = 0.25,
    };
}

/// <summary>The grid of <c>bench images</c>.</summary>
internal sealed record ImageBenchOptions(IReadOnlyList<ImageModelFamily> Families, int Size, IReadOnlyList<int> Channels, IReadOnlyList<int> Batches, double MinSeconds, int Repeat);

/// <param name="ScoredImagesPerSecond">Through <see cref="ImageDetector.Score"/>, one call per batch.</param>
/// <param name="ForwardImagesPerSecond">The model's forward pass (the reconstruction) alone, on a tensor already built.</param>
/// <param name="FiniteScores">Every score of the timed batch was finite.</param>
internal sealed record ImageBenchRow(string Model, int Size, int Channels, int Batch, double ScoredImagesPerSecond, double ForwardImagesPerSecond, bool FiniteScores);

internal sealed record ImageBenchReport(string Suite, string Command, DateTimeOffset Date, BenchMachine Machine, MlBenchContext Torch, int Size, int Repeat,
    IReadOnlyList<ImageBenchRow> Results);
