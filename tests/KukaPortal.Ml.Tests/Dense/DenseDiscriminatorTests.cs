using KukaPortal.Ml.Dense;
using KukaPortal.Ml.Layers;
using Shouldly;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Dense;

public sealed class DenseDiscriminatorTests
{
    [Theory]
    [InlineData(4, 5)]
    [InlineData(86, 1)]
    [InlineData(3, 30)]
    public void One_logit_per_window_and_64_features(int channels, int window)
    {
        manual_seed(2);
        using var discriminator = new DenseDiscriminator(channels, window);
        using var scope = NewDisposeScope();

        var (logits, features) = discriminator.Evaluate(rand(6, channels, window));

        logits.shape.ShouldBe([6]);
        features.shape.ShouldBe([6, DenseDiscriminator.FeatureWidth]);
        discriminator.forward(rand(6, channels, window)).shape.ShouldBe([6]);
    }

    [Fact]
    public void It_has_the_papers_layers()
    {
        using var discriminator = new DenseDiscriminator(channels: 4, window: 5);

        discriminator.modules().OfType<Linear>().Select(l => l.out_features).ShouldBe([256L, 128L, 64L, 1L], ignoreOrder: true);
        discriminator.modules().OfType<LayerNorm>().Count().ShouldBe(3);
        discriminator.modules().OfType<HeldSlopeLeakyReLU>().Select(l => l.NegativeSlope).ShouldBe([0.2, 0.2, 0.2]);
        discriminator.modules().OfType<Dropout>().Count().ShouldBe(2);
        discriminator.modules().OfType<Sigmoid>().ShouldBeEmpty(); // the loss applies it to the logit
    }

    [Fact]
    public void Dropout_acts_in_train_mode_and_not_in_eval_mode()
    {
        manual_seed(3);
        using var discriminator = new DenseDiscriminator(channels: 4, window: 5);
        using var scope = NewDisposeScope();
        var windows = rand(32, 4, 5);

        discriminator.train();
        var first = discriminator.Evaluate(windows);
        var second = discriminator.Evaluate(windows);
        first.Logits.allclose(second.Logits).ShouldBeFalse();
        first.Features.allclose(second.Features).ShouldBeFalse(); // the 0.4 dropout before them

        discriminator.eval();
        using var noGrad = no_grad();
        var third = discriminator.Evaluate(windows);
        var fourth = discriminator.Evaluate(windows);
        third.Logits.eq(fourth.Logits).all().item<bool>().ShouldBeTrue();
        third.Features.eq(fourth.Features).all().item<bool>().ShouldBeTrue();
    }
}
