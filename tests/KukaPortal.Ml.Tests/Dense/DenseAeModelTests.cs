using KukaPortal.Ml.Dense;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Dense;

public sealed class DenseAeModelTests
{
    public static TheoryData<ModelFamily, int, int> Shapes()
    {
        var data = new TheoryData<ModelFamily, int, int>();
        foreach (var family in new[] { ModelFamily.DenseAe, ModelFamily.DenseAeBn, ModelFamily.DenseAae })
            foreach (var (window, channels) in new[] { (1, 4), (5, 4), (30, 4), (5, 86), (30, 1) })
                data.Add(family, window, channels);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Reconstructions_have_the_input_shape_and_lie_in_the_unit_interval(ModelFamily family, int window, int channels)
    {
        manual_seed(1);
        using var model = ModelCatalog.Create(DetectorSettings.For(family) with { Window = window }, channels);
        using var scope = NewDisposeScope();
        var input = rand(8, channels, window) * 3 - 1; // also outside [0, 1]: the sigmoid still bounds the output

        model.train();
        var trained = model.forward(input);
        model.eval();
        using var noGrad = no_grad();
        var evaluated = model.forward(input);
        var (scores, channelErrors) = model.Score(input);

        trained.shape.ShouldBe([8, channels, window]);
        evaluated.shape.ShouldBe([8, channels, window]);
        evaluated.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        evaluated.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
        scores.shape.ShouldBe([8]);
        channelErrors.shape.ShouldBe([8, channels]);
    }

    [Fact]
    public void Ae1_is_dense_64_then_latent_and_ae2_adds_batch_norm_to_every_hidden_layer()
    {
        using var ae1 = new DenseAeModel(channels: 4, window: 5, latent: 32);
        using var ae2 = new DenseAeBnModel(channels: 4, window: 5, latent: 32);

        var ae1Dense = ae1.modules().OfType<Linear>().Select(l => (l.in_features, l.out_features));
        ae1Dense.ShouldBe([(20L, 64L), (64L, 32L), (32L, 64L), (64L, 20L)], ignoreOrder: true);
        ae1.modules().OfType<BatchNorm1d>().ShouldBeEmpty();

        var ae2Dense = ae2.modules().OfType<Linear>().Select(l => (l.in_features, l.out_features));
        ae2Dense.ShouldBe([(20L, 64L), (64L, 32L), (32L, 32L), (32L, 64L), (64L, 20L)], ignoreOrder: true);
        ae2.modules().OfType<BatchNorm1d>().Count().ShouldBe(4);
        ae2.modules().OfType<Sigmoid>().Count().ShouldBe(1);
    }

    [Fact]
    public void The_latent_size_follows_the_settings()
    {
        using var model = ModelCatalog.Create(DetectorSettings.For(ModelFamily.DenseAe) with { Latent = 7 }, channels: 3);

        model.modules().OfType<Linear>().Select(l => l.out_features).ShouldBe([64L, 7L, 64L, 15L], ignoreOrder: true);
    }
}
