using KukaPortal.Core.Metrics;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Adversarial;

/// <summary>A tiny adversarial autoencoder trained once through <see cref="DetectorTrainer"/>, shared by the tests below.</summary>
public sealed class TrainedAaeFixture : IDisposable
{
    public static readonly DetectorSettings Settings = DetectorSettings.For(ModelFamily.ConvAae) with
    {
        Window = 16,
        Latent = 8,
        BaseWidth = 4,
        Iterations = 300,
        BatchSize = 32,
        LearningRate = 3e-3,
        Seed = 2,
        ProgressInterval = 100,
    };

    public TrainedAaeFixture()
    {
        Detector = DetectorTrainer.Train(SyntheticSeries.Normal(3000, seed: 13), Settings, CPU, Reports.Add);
    }

    public List<TrainingProgress> Reports { get; } = [];
    public Detector Detector { get; }

    public void Dispose() => Detector.Dispose();
}

public sealed class AdversarialTrainingTests(TrainedAaeFixture fixture) : IClassFixture<TrainedAaeFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("aae-tests-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Progress_and_metadata_report_the_discriminator_game()
    {
        fixture.Reports.Count.ShouldBe(3);
        fixture.Reports.ShouldAllBe(r => r.Discriminator != null
            && r.Discriminator.AccuracyReal >= 0 && r.Discriminator.AccuracyReal <= 1
            && r.Discriminator.AccuracyFake >= 0 && r.Discriminator.AccuracyFake <= 1
            && double.IsFinite(r.Discriminator.Loss) && r.Discriminator.Loss > 0);
        fixture.Reports[^1].Loss.ShouldBeLessThan(fixture.Reports[0].Loss);

        var summary = fixture.Detector.Metadata.Training;
        summary.Discriminator.ShouldBe(fixture.Reports[^1].Discriminator);
        fixture.Detector.Metadata.Family.ShouldBe(ModelFamily.ConvAae);
    }

    [Fact]
    public void A_saved_aae_detector_scores_bit_identically_after_loading()
    {
        var path = Path.Combine(folder, "aae.kpm");
        fixture.Detector.Save(path);

        using var loaded = Detector.Load(path);

        var series = SyntheticSeries.WithSpike(SyntheticSeries.Normal(800, seed: 12), 2, 300, 20);
        var before = fixture.Detector.ScoreBatches(series, ct: Ct).SelectMany(b => b).ToList();
        var after = loaded.ScoreBatches(series, ct: Ct).SelectMany(b => b).ToList();
        after.Select(s => s.Score).ShouldBe(before.Select(s => s.Score));
        loaded.Family.ShouldBe(ModelFamily.ConvAae);
        loaded.Metadata.Training.Discriminator.ShouldBe(fixture.Detector.Metadata.Training.Discriminator);
    }

    [Fact]
    public void Windows_over_an_injected_spike_rank_above_normal_ones()
    {
        const int start = 800, length = 16;
        var test = SyntheticSeries.WithSpike(SyntheticSeries.Normal(1600, seed: 99), channel: 1, start, length);

        var scores = fixture.Detector.ScoreBatches(test, ct: Ct).SelectMany(b => b).ToList();

        var labels = scores.Select(s => s.StartRow < start + length && s.EndRow > start).ToList();
        labels.Count(l => l).ShouldBeGreaterThan(0);
        AveragePrecision.Of(scores.Select(s => s.Score).ToList(), labels).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void The_same_seed_gives_identical_scores_on_cpu()
    {
        var normal = SyntheticSeries.Normal(800, seed: 5);
        var settings = TrainedAaeFixture.Settings with { Iterations = 20, ProgressInterval = 10 };
        var test = SyntheticSeries.Normal(300, seed: 6);

        using var first = DetectorTrainer.Train(normal, settings, CPU, ct: Ct);
        using var second = DetectorTrainer.Train(normal, settings, CPU, ct: Ct);

        var a = first.ScoreBatches(test, ct: Ct).SelectMany(batch => batch).Select(s => s.Score).ToList();
        var b = second.ScoreBatches(test, ct: Ct).SelectMany(batch => batch).Select(s => s.Score).ToList();
        b.ShouldBe(a);
        second.Metadata.Training.Discriminator.ShouldBe(first.Metadata.Training.Discriminator);
    }
}
