using KukaPortal.Ml.Adversarial;
using KukaPortal.Ml.Dense;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Dense;

public sealed class DenseAaeTrainingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_dense_adversarial_autoencoder_reports_its_discriminator_and_finds_an_injected_spike()
    {
        var reports = new List<TrainingProgress>();
        var settings = DetectorSettings.For(ModelFamily.DenseAae) with { Iterations = 600, BatchSize = 32, LearningRate = 3e-3, Seed = 4, ProgressInterval = 60 };

        using var detector = DetectorTrainer.Train(SyntheticSeries.Normal(2000, seed: 3), settings, CPU, reports.Add, Ct);

        reports.Count.ShouldBe(10);
        reports.ShouldAllBe(r => r.Discriminator != null
            && r.Discriminator.AccuracyReal >= 0 && r.Discriminator.AccuracyReal <= 1
            && r.Discriminator.AccuracyFake >= 0 && r.Discriminator.AccuracyFake <= 1);
        reports[^1].Loss.ShouldBeLessThan(reports[0].Loss / 2);
        detector.Metadata.Training.Discriminator.ShouldBe(reports[^1].Discriminator);
        SpikeDetection.AveragePrecisionOn(detector, Ct).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void The_dense_discriminator_can_be_reinitialised_including_its_layer_norms()
    {
        using var discriminator = new DenseDiscriminator(channels: 3, window: 5);
        using (no_grad())
        {
            foreach (var parameter in discriminator.parameters())
                parameter.fill_(0.25);
        }

        discriminator.Reinitialise();

        var named = discriminator.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        // LayerNorm goes back to identity (weight 1, bias 0); Linear layers get fresh random weights.
        named.Where(p => p.Key.Contains("norm", StringComparison.OrdinalIgnoreCase) && p.Key.EndsWith("weight", StringComparison.Ordinal))
            .ShouldNotBeEmpty();
        named.Where(p => p.Key.Contains("norm", StringComparison.OrdinalIgnoreCase) && p.Key.EndsWith("weight", StringComparison.Ordinal))
            .ShouldAllBe(p => p.Value.eq(1).all().item<bool>());
        named.Where(p => !p.Key.Contains("norm", StringComparison.OrdinalIgnoreCase) && p.Key.EndsWith("weight", StringComparison.Ordinal))
            .ShouldAllBe(p => !p.Value.eq(0.25).all().item<bool>());
    }
}
