using KukaPortal.Ml.Adversarial;
using KukaPortal.Ml.ConvAutoencoder;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Adversarial;

public sealed class ConvDiscriminatorTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(30)]
    [InlineData(100)]
    public void Gives_one_logit_per_window_and_the_16w_feature_map_before_it(int window)
    {
        manual_seed(3);
        var plan = ConvAePlan.For(window, channels: 3, latent: 7, baseWidth: 2);
        using var discriminator = new ConvDiscriminator(plan);
        using var scope = NewDisposeScope();

        var (logits, features) = discriminator.Evaluate(rand(4, 3, window));

        logits.shape.ShouldBe([4L]);
        features.shape.ShouldBe([4L, 16 * 2, plan.Stages[^1].WideLength]);
        logits.isfinite().all().item<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Has_the_encoder_stages_but_a_single_output_channel_with_bias()
    {
        var plan = ConvAePlan.For(30, channels: 5, latent: 9, baseWidth: 2);
        using var discriminator = new ConvDiscriminator(plan);

        var shapes = discriminator.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        shapes["layers.conv0.weight"].ShouldBe([4L, 5, 7]);
        shapes["layers.conv3.weight"].ShouldBe([32L, 16, 4]);
        shapes["output.weight"].ShouldBe([1L, 32, plan.Stages[^1].Kernel]);
        shapes["output.bias"].ShouldBe([1L]);
        shapes.Keys.ShouldNotContain("layers.conv0.bias");   // BatchNorm's shift replaces it
        shapes.Keys.ShouldNotContain(k => k.StartsWith("layers.norm4"));
    }

    [Fact]
    public void Sees_inputs_centred_like_the_generator()
    {
        manual_seed(4);
        var plan = ConvAePlan.For(16, channels: 2, latent: 4, baseWidth: 2);
        using var discriminator = new ConvDiscriminator(plan);
        discriminator.eval();   // fresh running statistics: mean 0, variance 1, so BatchNorm passes zeros on
        using var scope = NewDisposeScope();

        // 0.5 maps to 0; without a bias before the output, zeros flow through every hidden stage.
        var (centreLogits, centreFeatures) = discriminator.Evaluate(full(3, 2, 16, 0.5f));
        var (_, zeroFeatures) = discriminator.Evaluate(zeros(3, 2, 16));

        centreFeatures.abs().max().item<float>().ShouldBe(0f);
        zeroFeatures.abs().max().item<float>().ShouldBeGreaterThan(0f);
        var outputBias = discriminator.named_parameters().Single(p => p.name == "output.bias").parameter;
        centreLogits.allclose(outputBias.expand(3)).ShouldBeTrue();
    }
}
