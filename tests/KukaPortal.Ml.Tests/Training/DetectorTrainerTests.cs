using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Training;

public sealed class DetectorTrainerTests
{
    private static readonly DetectorSettings Tiny = new()
    {
        Window = 12,
        Latent = 4,
        BaseWidth = 2,
        Iterations = 40,
        BatchSize = 16,
        Seed = 7,
        ProgressInterval = 10,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Training_lowers_the_training_and_validation_loss()
    {
        var reports = new List<TrainingProgress>();
        var settings = Tiny with { Iterations = 300, LearningRate = 3e-3, ProgressInterval = 30 };

        using var detector = DetectorTrainer.Train(SyntheticSeries.Normal(1500, seed: 3), settings, CPU, reports.Add, Ct);

        reports.Select(r => r.Iteration).ShouldBe(Enumerable.Range(1, 10).Select(i => i * 30));
        reports[^1].Loss.ShouldBeLessThan(reports[0].Loss / 2);
        reports[^1].ValidationLoss!.Value.ShouldBeLessThan(reports[0].ValidationLoss!.Value / 2);
        detector.Metadata.Training.FinalLoss.ShouldBe(reports[^1].Loss);
    }

    [Fact]
    public void The_same_seed_gives_identical_weights_and_threshold_on_cpu()
    {
        var normal = SyntheticSeries.Normal(800, seed: 5);

        using var first = DetectorTrainer.Train(normal, Tiny, CPU, ct: Ct);
        using var second = DetectorTrainer.Train(normal, Tiny, CPU, ct: Ct);
        using var otherSeed = DetectorTrainer.Train(normal, Tiny with { Seed = 8 }, CPU, ct: Ct);

        var a = first.Model.state_dict();
        var b = second.Model.state_dict();
        a.Keys.ShouldBe(b.Keys);
        a.Keys.ShouldAllBe(k => a[k].eq(b[k]).all().item<bool>());
        second.Threshold.ShouldBe(first.Threshold);
        otherSeed.Threshold.ShouldNotBe(first.Threshold);
    }

    [Fact]
    public void Cancellation_stops_training_between_iterations()
    {
        using var cancel = new CancellationTokenSource();
        var reports = new List<TrainingProgress>();
        var settings = Tiny with { Iterations = 100_000, ProgressInterval = 5 };

        Should.Throw<OperationCanceledException>(() => DetectorTrainer.Train(SyntheticSeries.Normal(800, seed: 5), settings, CPU,
            p => { reports.Add(p); cancel.Cancel(); }, cancel.Token));

        reports.Count.ShouldBe(1);
        reports[0].Iteration.ShouldBe(5);
    }

    [Fact]
    public void Non_finite_training_data_is_refused_with_its_position()
    {
        var normal = SyntheticSeries.Normal(800, seed: 5);
        normal.Values[10 * normal.ChannelCount + 2] = float.NaN;

        var error = Should.Throw<ArgumentException>(() => DetectorTrainer.Train(normal, Tiny, CPU, ct: Ct));
        error.Message.ShouldContain("row 10");
        error.Message.ShouldContain(SyntheticSeries.ChannelNames[2]);
    }

    [Fact]
    public void Early_stopping_ends_when_validation_stops_improving_and_keeps_the_best_weights()
    {
        // The held-out end of the recording is another regime, so fitting the training part soon stops helping it.
        var normal = SyntheticSeries.Normal(1500, seed: 3);
        var shifted = SyntheticSeries.Normal(1500, seed: 4, channels: ["x", "y", "z", "w"]);
        var values = (float[])normal.Values.Clone();
        Array.Copy(shifted.Values, 1350 * 4, values, 1350 * 4, 150 * 4);
        for (var i = 1350 * 4; i < values.Length; i += 4)
            values[i] *= 0.5f;
        var reports = new List<TrainingProgress>();
        var settings = Tiny with { Iterations = 2000, LearningRate = 3e-3, ProgressInterval = 20, EarlyStoppingPatience = 3 };

        using var detector = DetectorTrainer.Train(normal.WithValues(values), settings, CPU, reports.Add, Ct);

        var training = detector.Metadata.Training;
        training.StoppedEarly.ShouldBeTrue();
        training.IterationsRun.ShouldBeLessThan(2000);
        training.IterationsRun.ShouldBe(reports[^1].Iteration);
        var best = reports.Min(r => r.ValidationLoss!.Value);
        training.FinalValidationLoss!.Value.ShouldBe(best);
        // The detector has the best report's weights: its held-out windows score what that report measured.
        detector.Metadata.Validation.Mean.ShouldBe(best, tolerance: best * 1e-4);
        reports.Skip(reports.Count - 3).ShouldAllBe(r => r.ValidationLoss > best);
    }
}
