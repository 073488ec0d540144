using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Dense;

public sealed class DenseTrainingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DetectorSettings Small(ModelFamily family) => DetectorSettings.For(family) with
    {
        Iterations = 600,
        BatchSize = 32,
        LearningRate = 3e-3,
        Seed = 4,
        ProgressInterval = 60,
    };

    [Theory]
    [InlineData(ModelFamily.DenseAe)]
    [InlineData(ModelFamily.DenseAeBn)]
    public void Training_lowers_the_loss_and_finds_an_injected_spike(ModelFamily family)
    {
        var reports = new List<TrainingProgress>();

        using var detector = DetectorTrainer.Train(SyntheticSeries.Normal(2000, seed: 3), Small(family), CPU, reports.Add, Ct);

        detector.Window.ShouldBe(5);
        reports.Count.ShouldBe(10);
        reports[^1].Loss.ShouldBeLessThan(reports[0].Loss / 2);
        reports[^1].ValidationLoss!.Value.ShouldBeLessThan(reports[0].ValidationLoss!.Value);
        SpikeDetection.AveragePrecisionOn(detector, Ct).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void The_same_seed_gives_identical_dense_weights_on_cpu()
    {
        var normal = SyntheticSeries.Normal(600, seed: 5);
        var settings = Small(ModelFamily.DenseAe) with { Iterations = 50 };

        using var first = DetectorTrainer.Train(normal, settings, CPU, ct: Ct);
        using var second = DetectorTrainer.Train(normal, settings, CPU, ct: Ct);
        using var otherSeed = DetectorTrainer.Train(normal, settings with { Seed = 9 }, CPU, ct: Ct);

        var a = first.Model.state_dict();
        var b = second.Model.state_dict();
        a.Keys.ShouldBe(b.Keys);
        a.Keys.ShouldAllBe(k => a[k].eq(b[k]).all().item<bool>());
        second.Threshold.ShouldBe(first.Threshold);
        otherSeed.Threshold.ShouldNotBe(first.Threshold);
    }
}
