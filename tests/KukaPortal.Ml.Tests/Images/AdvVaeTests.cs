using KukaPortal.Ml.Images;
using KukaPortal.Ml.Images.AdvVae;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class AdvVaeTests
{
    private static ImageDetectorSettings Settings(int channels, int encoderIterations = 1) => new()
    {
        Family = ImageModelFamily.AdvVae,
        Size = 32,
        Channels = channels,
        BatchSize = 4,
        Iterations = 4,
        BaseWidth = 8,
        Latent = 16,
        AdvVae = new AdvVaeOptions { EncoderIterations = encoderIterations, DiscriminatorSteps = 2 },
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Reconstructs_and_scores_images_of_its_shape(int channels)
    {
        manual_seed(31);
        using var model = ImageModelCatalog.CreateModel(Settings(channels)).ShouldBeOfType<AdvVaeModel>();
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand(4, channels, 32, 32);

        var reconstruction = model.forward(images);
        var (terms, map) = model.ScoreTerms(images);

        reconstruction.shape.ShouldBe([4L, channels, 32, 32]);
        model.Terms.Select(t => (t.Name, t.Weight)).ShouldBe([("feature", 1.0)]);
        terms.shape.ShouldBe([4L, 1]);
        map.shape.ShouldBe([4L, 32, 32]);
        terms.min().item<float>().ShouldBeGreaterThan(0f);
        map.isfinite().all().item<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Step_one_trains_encoder_and_classifier_and_leaves_the_decoder()
    {
        manual_seed(32);
        var settings = Settings(channels: 1);
        using var model = (AdvVaeModel)ImageModelCatalog.CreateModel(settings);
        using var step = (AdvVaeStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        var before = ParameterValues.Of(model);
        using var scope = NewDisposeScope();

        step.Phase.ShouldBe(1);
        var result = step.Step(rand(4, 1, 32, 32));

        result.Losses["phase"].ShouldBe(1);
        result.Losses.Keys.ShouldBe(["phase", "kl", "categorical", "classifierAccuracy"], ignoreOrder: true);
        result.Losses.Values.ShouldAllBe(v => double.IsFinite(v));
        var changed = ParameterValues.Changed(before, model);
        changed.ShouldContain(n => n.StartsWith("encoder."));
        changed.ShouldContain(n => n.StartsWith("head."));
        changed.ShouldContain(n => n.StartsWith("classifier."));
        changed.ShouldNotContain(n => n.StartsWith("decoder."));
    }

    [Fact]
    public void Step_two_trains_decoder_and_discriminator_with_the_encoder_frozen()
    {
        manual_seed(33);
        var settings = Settings(channels: 3);
        using var model = (AdvVaeModel)ImageModelCatalog.CreateModel(settings);
        using var step = (AdvVaeStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        using var scope = NewDisposeScope();
        step.Step(rand(4, 3, 32, 32));
        var before = ParameterValues.Of(model);
        var buffersBefore = model.named_buffers().ToDictionary(b => b.name, b => b.buffer.clone());
        var discriminatorBefore = ParameterValues.Of(step.Discriminator);

        step.Phase.ShouldBe(2);
        var result = step.Step(rand(4, 3, 32, 32));

        result.Losses["phase"].ShouldBe(2);
        result.Losses.Keys.ShouldBe(["phase", "discriminator", "discriminatorAccuracy", "feature", "adversarial", "latent"], ignoreOrder: true);
        result.Losses.Values.ShouldAllBe(v => double.IsFinite(v));
        result.Losses["feature"].ShouldBeGreaterThan(0);
        var changed = ParameterValues.Changed(before, model);
        changed.ShouldNotBeEmpty();
        changed.ShouldAllBe(n => n.StartsWith("decoder."));
        // The encoder's BatchNorm statistics are frozen too: the feature targets must not drift.
        var encoderBuffers = model.named_buffers().Where(b => b.name.StartsWith("encoder.")).ToList();
        encoderBuffers.ShouldNotBeEmpty();
        encoderBuffers.ShouldAllBe(b => b.buffer.allclose(buffersBefore[b.name], 0, 0, false));
        ParameterValues.Changed(discriminatorBefore, step.Discriminator).Count.ShouldBe(discriminatorBefore.Count);
    }

    [Fact]
    public void A_restored_step_resumes_in_the_phase_it_was_saved_in()
    {
        manual_seed(34);
        var settings = Settings(channels: 1, encoderIterations: 2);
        using var model = (AdvVaeModel)ImageModelCatalog.CreateModel(settings);
        using var trained = (AdvVaeStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        using (NewDisposeScope())
        {
            trained.Step(rand(4, 1, 32, 32));
            trained.Step(rand(4, 1, 32, 32));
        }
        using var stream = new MemoryStream();
        trained.SaveState(new BinaryWriter(stream));

        using var fresh = (AdvVaeStep)ImageModelCatalog.CreateStep(settings, model, CPU);
        fresh.Phase.ShouldBe(1);
        stream.Position = 0;
        fresh.LoadState(new BinaryReader(stream));

        fresh.Phase.ShouldBe(2);
        ParameterValues.Changed(ParameterValues.Of(trained.Discriminator), fresh.Discriminator).ShouldBeEmpty();
    }

    [Fact]
    public void Cut_paste_changes_one_square_patch_per_image_and_keeps_the_range()
    {
        manual_seed(35);
        using var scope = NewDisposeScope();
        var images = rand(6, 3, 32, 32);

        var patched = CutPaste.Apply(images);

        patched.shape.ShouldBe(images.shape);
        patched.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        patched.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
        var changedPixels = patched.ne(images).any(1).flatten(1).sum(1).data<long>().ToArray();
        // Side 4 to 8 on a 32-pixel image: at most 64 pixels, and a patch always changes some.
        changedPixels.ShouldAllBe(n => n > 0 && n <= 64);
    }

    [Fact]
    public void Refuses_a_step_one_longer_than_the_run()
    {
        var settings = Settings(channels: 1, encoderIterations: 5);
        using var model = (AdvVaeModel)ImageModelCatalog.CreateModel(settings);
        Should.Throw<ArgumentOutOfRangeException>(() => ImageModelCatalog.CreateStep(settings, model, CPU))
            .Message.ShouldContain("Step 1");
    }
}
