using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class ImageTrainerTests
{
    private static readonly PlanarImage[] Normal = SyntheticImages.Normal(20, 32, 1, seed: 4);
    private static readonly PlanarImage[] Probe = SyntheticImages.Defective(4, 32, 1, seed: 5).Select(d => d.Image).ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_same_seed_gives_the_same_scores_and_another_seed_other_scores()
    {
        var settings = TinyImageSettings.For(ImageModelFamily.ConvAe2d);

        double[] ScoresWith(int seed)
        {
            using var detector = ImageTrainer.Train(Normal, settings with { Seed = seed }, CPU, ct: Ct);
            return detector.Score(Probe).Select(s => s.Score).ToArray();
        }

        var first = ScoresWith(7);
        ScoresWith(7).ShouldBe(first);
        ScoresWith(8).ShouldNotBe(first);
    }

    [Fact]
    public void Reports_progress_at_each_interval_runs_the_hosts_work_between_steps_and_calibrates_on_held_out_images()
    {
        var reports = new List<ImageTrainingProgress>();
        var between = 0;
        var settings = TinyImageSettings.For(ImageModelFamily.ConvAe2d);

        using var detector = ImageTrainer.Train(Normal, settings, CPU, reports.Add, Ct, new TrainingHooks { BetweenSteps = () => between++ });

        reports.Select(r => r.Iteration).ShouldBe([5, 10, 15, 20]);
        reports.ShouldAllBe(r => r.Iterations == 20 && r.Reconstruction > 0 && r.Losses.ContainsKey("reconstruction"));
        reports[^1].Remaining.ShouldBe(TimeSpan.Zero);
        between.ShouldBe(20);
        var m = detector.Metadata;
        m.Training.TrainingImages.ShouldBe(16);
        m.Training.HeldOutImages.ShouldBe(4);
        m.Threshold.Strategy.ShouldBe("quantile:0.99");
        m.Threshold.Value.ShouldBeGreaterThan(0);
        // Held-out normal images span [0, 1] after min–max normalisation, so the weighted sum stays within [0, Σ weights].
        m.Validation.Min.ShouldBe(0, 1e-9);
        m.Validation.Max.ShouldBe(1, 1e-9);
        m.Terms.Select(t => t.Name).ShouldBe(["reconstruction"]);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var settings = TinyImageSettings.For(ImageModelFamily.ConvAe2d) with { Iterations = 1000 };

        Should.Throw<OperationCanceledException>(() => ImageTrainer.Train(Normal, settings, CPU, p => cancel.Cancel(), cancel.Token));
    }

    [Fact]
    public void Refuses_an_image_of_another_size_naming_it()
    {
        var images = Normal.Append(SyntheticImages.Normal(1, 64, 1, seed: 1)[0]).ToArray();

        var error = Should.Throw<ArgumentException>(() => ImageTrainer.Train(images, TinyImageSettings.For(ImageModelFamily.ConvAe2d), CPU, ct: Ct));

        error.Message.ShouldContain("Image 20 is 1×64×64; this detector reads 1×32×32");
    }

    [Fact]
    public void Refuses_a_non_finite_pixel()
    {
        var bad = new PlanarImage(1, 32, 32, (float[])Normal[3].Pixels.Clone());
        bad.Pixels[17] = float.NaN;
        var images = Normal.Select((image, i) => i == 3 ? bad : image).ToArray();

        var error = Should.Throw<ArgumentException>(() => ImageTrainer.Train(images, TinyImageSettings.For(ImageModelFamily.ConvAe2d), CPU, ct: Ct));

        error.Message.ShouldContain("Image 3 has the non-finite value NaN at index 17");
    }

    [Fact]
    public void Refuses_too_few_images_to_train_on_some_and_hold_out_others()
    {
        var error = Should.Throw<ArgumentException>(() => ImageTrainer.Train(Normal[..3], TinyImageSettings.For(ImageModelFamily.ConvAe2d), CPU, ct: Ct));

        error.Message.ShouldContain("3 normal images with HeldOutFraction 0.2 leave 2 to train on and 1 to hold out");
    }

    [Theory]
    [InlineData("f1max")]
    [InlineData("budget:2/h")]
    public void Refuses_a_threshold_strategy_that_needs_labelled_or_timed_data(string strategy)
    {
        var settings = TinyImageSettings.For(ImageModelFamily.ConvAe2d) with { ThresholdStrategy = strategy };

        var error = Should.Throw<ArgumentException>(() => ImageTrainer.Train(Normal, settings, CPU, ct: Ct));

        error.Message.ShouldContain("use 'quantile:q'");
    }

    [Fact]
    public void Refuses_a_size_that_is_not_a_power_of_two()
    {
        var settings = TinyImageSettings.For(ImageModelFamily.ConvAe2d) with { Size = 48 };

        Should.Throw<ArgumentException>(() => ImageTrainer.Train(Normal, settings, CPU, ct: Ct)).Message.ShouldContain("power of two");
    }
}
