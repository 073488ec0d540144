using KukaPortal.Ml.Layers;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Layers;

/// <summary>
/// The GEMM convolutions compute what libtorch's convolutions and transposed convolutions compute, forward and backward, and are
/// built with the same weights, so models and artifacts are unchanged by them.
/// </summary>
public sealed class GemmConvolutionTests
{
    /// <summary>The conv autoencoder's layer kinds: k7/s1/p3, k4/s2/p1 on even and odd lengths, k3/s1/p1, and the bottleneck.</summary>
    public static TheoryData<int, int, int, int, int, int, bool> Layers => new()
    {
        { 86, 32, 7, 1, 3, 30, false },
        { 32, 64, 4, 2, 1, 30, false },
        { 64, 128, 4, 2, 1, 15, false },
        { 128, 256, 3, 1, 1, 3, false },
        { 256, 30, 3, 1, 0, 3, true },
        { 12, 5, 5, 1, 0, 5, true },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_convolution_gives_torchs_result_and_gradients(int inChannels, int outChannels, int kernel, int stride, int padding, int length, bool bias)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var layer = new GemmConv1d(inChannels, outChannels, kernel, stride, padding, bias);

        foreach (var batch in new[] { 5, 1 })
        {
            var input = randn(batch, inChannels, length);
            var expected = nn.functional.conv1d(input, layer.weight!, layer.bias, stride, padding);
            var actual = layer.forward(input);

            actual.shape.ShouldBe(expected.shape);
            actual.allclose(expected, rtol: 1e-4, atol: 1e-4).ShouldBeTrue($"batch {batch}: max difference {(actual - expected).abs().max().item<float>()}");
        }

        ShouldHaveTorchsGradients(layer, randn(4, inChannels, length),
            x => nn.functional.conv1d(x, layer.weight!, layer.bias, stride, padding));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_transposed_convolution_gives_torchs_result_and_gradients(int outChannels, int inChannels, int kernel, int stride, int padding, int wideLength, bool bias)
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var narrowLength = (wideLength + 2 * padding - kernel) / stride + 1;
        var outputPadding = stride > 1 ? wideLength % stride : 0; // as the autoencoder's plan restores odd lengths
        using var layer = new GemmConvTranspose1d(inChannels, outChannels, kernel, stride, padding, outputPadding, bias);

        foreach (var batch in new[] { 5, 1 })
        {
            var input = randn(batch, inChannels, narrowLength);
            var expected = nn.functional.conv_transpose1d(input, layer.weight!, layer.bias, stride, padding, outputPadding);
            var actual = layer.forward(input);

            actual.shape.ShouldBe([batch, outChannels, wideLength]);
            actual.allclose(expected, rtol: 1e-4, atol: 1e-4).ShouldBeTrue($"batch {batch}: max difference {(actual - expected).abs().max().item<float>()}");
        }

        ShouldHaveTorchsGradients(layer, randn(4, inChannels, narrowLength),
            x => nn.functional.conv_transpose1d(x, layer.weight!, layer.bias, stride, padding, outputPadding));
    }

    /// <summary>The image models' kinds: k4/s2/p1 down and up, the decoder's 4×4 lift from one pixel, and 1×1.</summary>
    public static TheoryData<int, int, int, int, int, int, bool> ImageLayers => new()
    {
        { 3, 8, 4, 2, 1, 16, false },
        { 8, 16, 4, 2, 1, 8, true },
        { 10, 8, 4, 1, 0, 4, false },
        { 6, 4, 1, 1, 0, 5, true },
    };

    [Theory]
    [MemberData(nameof(ImageLayers))]
    public void An_image_convolution_gives_torchs_result_and_gradients(int inChannels, int outChannels, int kernel, int stride, int padding, int size, bool bias)
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        using var layer = new GemmConv2d(inChannels, outChannels, kernel, stride, padding, bias);
        var input = randn(3, inChannels, size, size);

        var expected = nn.functional.conv2d(input, layer.weight!, layer.bias, [stride, stride], [padding, padding]);
        var actual = layer.forward(input);

        actual.shape.ShouldBe(expected.shape);
        actual.allclose(expected, rtol: 1e-4, atol: 1e-4).ShouldBeTrue($"max difference {(actual - expected).abs().max().item<float>()}");
        ShouldHaveTorchsGradients(layer, randn(2, inChannels, size, size),
            x => nn.functional.conv2d(x, layer.weight!, layer.bias, [stride, stride], [padding, padding]));
    }

    [Theory]
    [MemberData(nameof(ImageLayers))]
    public void An_image_transposed_convolution_gives_torchs_result_and_gradients(int outChannels, int inChannels, int kernel, int stride, int padding, int wideSize, bool bias)
    {
        using var scope = NewDisposeScope();
        manual_seed(14);
        var narrowSize = (wideSize + 2 * padding - kernel) / stride + 1;
        using var layer = new GemmConvTranspose2d(inChannels, outChannels, kernel, stride, padding, bias);
        var input = randn(3, inChannels, narrowSize, narrowSize);

        var expected = nn.functional.conv_transpose2d(input, layer.weight!, layer.bias, [stride, stride], [padding, padding]);
        var actual = layer.forward(input);

        actual.shape.ShouldBe([3, outChannels, wideSize, wideSize]);
        actual.allclose(expected, rtol: 1e-4, atol: 1e-4).ShouldBeTrue($"max difference {(actual - expected).abs().max().item<float>()}");
        ShouldHaveTorchsGradients(layer, randn(2, inChannels, narrowSize, narrowSize),
            x => nn.functional.conv_transpose2d(x, layer.weight!, layer.bias, [stride, stride], [padding, padding]));
    }

    [Fact]
    public void The_layers_start_from_the_weights_torchs_layers_draw_and_save_under_the_same_keys()
    {
        manual_seed(21);
        using var torchs = nn.Conv1d(86, 32, 7, stride: 1, padding: 3, bias: true);
        manual_seed(21);
        using var gemm = new GemmConv1d(86, 32, 7, 1, 3, bias: true);
        manual_seed(22);
        using var torchsTransposed = nn.ConvTranspose1d(64, 32, 4, stride: 2, padding: 1, output_padding: 1, bias: false);
        manual_seed(22);
        using var gemmTransposed = new GemmConvTranspose1d(64, 32, 4, 2, 1, 1, bias: false);

        gemm.weight!.data<float>().ToArray().ShouldBe(torchs.weight!.data<float>().ToArray());
        gemm.bias!.data<float>().ToArray().ShouldBe(torchs.bias!.data<float>().ToArray());
        gemm.state_dict().Keys.ShouldBe(torchs.state_dict().Keys);
        gemmTransposed.weight!.data<float>().ToArray().ShouldBe(torchsTransposed.weight!.data<float>().ToArray());
        gemmTransposed.bias.ShouldBeNull();
        gemmTransposed.state_dict().Keys.ShouldBe(torchsTransposed.state_dict().Keys);

        manual_seed(23);
        using var torchsImage = nn.Conv2d(3, 8, 4, stride: 2, padding: 1, bias: true);
        manual_seed(23);
        using var gemmImage = new GemmConv2d(3, 8, 4, 2, 1, bias: true);
        manual_seed(24);
        using var torchsImageTransposed = nn.ConvTranspose2d(8, 3, 4, stride: 2, padding: 1, bias: true);
        manual_seed(24);
        using var gemmImageTransposed = new GemmConvTranspose2d(8, 3, 4, 2, 1, bias: true);

        gemmImage.weight!.data<float>().ToArray().ShouldBe(torchsImage.weight!.data<float>().ToArray());
        gemmImage.bias!.data<float>().ToArray().ShouldBe(torchsImage.bias!.data<float>().ToArray());
        gemmImageTransposed.weight!.data<float>().ToArray().ShouldBe(torchsImageTransposed.weight!.data<float>().ToArray());
        gemmImageTransposed.bias!.data<float>().ToArray().ShouldBe(torchsImageTransposed.bias!.data<float>().ToArray());
        gemmImageTransposed.state_dict().Keys.ShouldBe(torchsImageTransposed.state_dict().Keys);
    }

    /// <summary>Backward through the layer gives the input and weight gradients libtorch's own layer gives.</summary>
    private static void ShouldHaveTorchsGradients(nn.Module<Tensor, Tensor> layer, Tensor input, Func<Tensor, Tensor> torchs)
    {
        var weight = layer.named_parameters().Single(p => p.name == "weight").parameter;
        var upstream = randn_like(torchs(input).detach());

        var x = input.detach().requires_grad_(true);
        (layer.forward(x) * upstream).sum().backward();
        var (inputGradient, weightGradient) = (x.grad!.clone(), weight.grad!.clone());
        weight.grad!.zero_();

        var y = input.detach().requires_grad_(true);
        (torchs(y) * upstream).sum().backward();

        inputGradient.allclose(y.grad!, rtol: 1e-4, atol: 1e-4).ShouldBeTrue("input gradient");
        weightGradient.allclose(weight.grad!, rtol: 1e-4, atol: 1e-3).ShouldBeTrue("weight gradient");
        weight.grad!.zero_();
    }
}
