using KukaPortal.Ml.ConvAutoencoder;
using Shouldly;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.ConvAutoencoder;

public sealed class ConvAeModelTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(77)]
    [InlineData(100)]
    [InlineData(200)]
    public void Reconstruction_has_the_shape_of_the_input(int window)
    {
        using var scope = NewDisposeScope();
        using var model = new ConvAeModel(ConvAePlan.For(window, channels: 5, latent: 6, baseWidth: 2));
        var input = rand(3, 5, window);

        var output = model.forward(input);

        output.shape.ShouldBe([3L, 5L, window]);
        model.Encode(input).shape.ShouldBe([3L, 6L, 1L]);
        // Tanh output mapped back to scaled units can never leave [0, 1].
        output.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        output.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
    }

    [Fact]
    public void Encoder_has_batch_norm_and_leaky_relu_and_decoder_ends_in_tanh_with_no_linear_layer()
    {
        using var model = new ConvAeModel(ConvAePlan.For(30, channels: 4, latent: 8, baseWidth: 2));
        var modules = model.named_modules().ToDictionary(m => m.name, m => m.module);

        modules.Keys.Count(k => k.StartsWith("encoder.layers.norm", StringComparison.Ordinal)).ShouldBe(5);
        modules.Keys.Count(k => k.StartsWith("encoder.layers.act", StringComparison.Ordinal)).ShouldBe(5);
        modules.Keys.Count(k => k.StartsWith("decoder.layers.norm", StringComparison.Ordinal)).ShouldBe(4);
        modules["decoder.layers.tanh"].ShouldBeOfType<TorchSharp.Modules.Tanh>();
        modules.Values.OfType<TorchSharp.Modules.Linear>().ShouldBeEmpty();
    }
}
