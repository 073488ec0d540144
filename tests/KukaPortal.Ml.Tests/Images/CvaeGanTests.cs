using KukaPortal.Ml.Images;
using KukaPortal.Ml.Images.CvaeGan;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class CvaeGanTests
{
    private static ImageDetectorSettings Settings(int channels, double negativeThreshold = 0.25) => new()
    {
        Family = ImageModelFamily.CvaeGan,
        Size = 32,
        Channels = channels,
        BatchSize = 4,
        BaseWidth = 8,
        Latent = 16,
        CvaeGan = new CvaeGanOptions { NegativeTrainingThreshold = negativeThreshold },
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Reconstructs_and_scores_images_of_its_shape(int channels)
    {
        manual_seed(11);
        using var model = ImageModelCatalog.CreateModel(Settings(channels)).ShouldBeOfType<CvaeGanModel>();
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand(4, channels, 32, 32);

        var reconstruction = model.forward(images);
        var (terms, map) = model.ScoreTerms(images);

        reconstruction.shape.ShouldBe([4L, channels, 32, 32]);
        reconstruction.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        reconstruction.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
        model.Terms.Select(t => (t.Name, t.Weight)).ShouldBe([("ssim", 0.5), ("l1", 0.5)]);
        terms.shape.ShouldBe([4L, 2]);
        map.shape.ShouldBe([4L, 32, 32]);
        terms.isfinite().all().item<bool>().ShouldBeTrue();
        // The L1 term is the mean absolute residual of the same reconstruction.
        terms[.., 1].allclose((images - reconstruction).abs().mean([1L, 2L, 3L]), rtol: 1e-4, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void One_step_runs_the_critic_with_its_penalty_then_moves_every_part_of_the_cvae()
    {
        manual_seed(12);
        var settings = Settings(channels: 3);
        using var model = (CvaeGanModel)ImageModelCatalog.CreateModel(settings);
        using var step = (CvaeGanStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        var modelBefore = ParameterValues.Of(model);
        var criticBefore = ParameterValues.Of(step.Critic);
        var featureBefore = ParameterValues.Of(step.FeatureDiscriminator);
        using var scope = NewDisposeScope();

        var result = step.Step(rand(4, 3, 32, 32));

        result.Losses.Keys.ShouldBe(
            ["critic", "wasserstein", "gradientPenalty", "discriminatorAccuracy", "ssim", "l1", "latent", "categorical",
             "mutualInformation", "adversarial", "negative"], ignoreOrder: true);
        result.Losses.Values.ShouldAllBe(v => double.IsFinite(v));
        double.IsFinite(result.Reconstruction).ShouldBeTrue();
        result.Losses["gradientPenalty"].ShouldBeGreaterThan(0);
        // Every critic weight moves except the output bias: it adds the same constant to D(x) and D(x̂), so the
        // Wasserstein loss cancels it and the penalty does not see it.
        ParameterValues.Changed(criticBefore, step.Critic).ShouldBe(criticBefore.Keys.Where(k => k != "output.bias"), ignoreOrder: true);
        ParameterValues.Changed(featureBefore, step.FeatureDiscriminator).Count.ShouldBe(featureBefore.Count);
        var changed = ParameterValues.Changed(modelBefore, model);
        changed.ShouldContain("means");
        changed.ShouldContain(n => n.StartsWith("encoder."));
        changed.ShouldContain(n => n.StartsWith("head."));
        changed.ShouldContain(n => n.StartsWith("decoder."));
        changed.ShouldContain(n => n.StartsWith("classifier."));
    }

    [Fact]
    public void Negative_training_runs_only_below_the_latent_threshold()
    {
        manual_seed(13);
        using var scope = NewDisposeScope();
        var images = rand(4, 1, 32, 32);

        double NegativeLoss(double threshold)
        {
            var settings = Settings(channels: 1, negativeThreshold: threshold);
            using var model = (CvaeGanModel)ImageModelCatalog.CreateModel(settings);
            using var step = ImageModelCatalog.CreateStep(settings, model, CPU);
            return step.Step(images).Losses["negative"];
        }

        NegativeLoss(threshold: 0).ShouldBe(0);
        NegativeLoss(threshold: double.PositiveInfinity).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Saved_state_restores_the_critic_and_feature_discriminator()
    {
        manual_seed(14);
        var settings = Settings(channels: 1);
        using var model = (CvaeGanModel)ImageModelCatalog.CreateModel(settings);
        using var trained = (CvaeGanStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        using (NewDisposeScope())
            trained.Step(rand(4, 1, 32, 32));
        using var stream = new MemoryStream();
        trained.SaveState(new BinaryWriter(stream));

        using var fresh = (CvaeGanStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        stream.Position = 0;
        fresh.LoadState(new BinaryReader(stream));

        ParameterValues.Changed(ParameterValues.Of(trained.Critic), fresh.Critic).ShouldBeEmpty();
        ParameterValues.Changed(ParameterValues.Of(trained.FeatureDiscriminator), fresh.FeatureDiscriminator).ShouldBeEmpty();
    }
}
