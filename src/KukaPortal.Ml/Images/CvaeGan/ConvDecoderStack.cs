using KukaPortal.Ml.Images.Layers;
using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// DCGAN's generator mirrored to <see cref="ConvEncoderStack"/>: a linear layer lifts the latent code to a 4×4
/// map of the encoder's last width, then stride-2 4×4 transposed convolutions double the side up to the image
/// size (BatchNorm + ReLU between them); the last gives the image's channels through a sigmoid, so the output is
/// in [0, 1] like the input. Unlike <see cref="DcganDecoder"/> it lifts with a biased linear layer (not a 4×4
/// transposed convolution) and its last layer has a bias: different weights and state keys, hence its own class.
/// </summary>
internal sealed class ConvDecoderStack : Module<Tensor, Tensor>
{
    // Field names are state_dict keys.
    private readonly Linear lift;
    private readonly Sequential body;
    private readonly long startChannels;

    public ConvDecoderStack(int size, int channels, int baseWidth, int latentSize) : base(nameof(ConvDecoderStack))
    {
        var widths = DcganLevels.Widths(size, baseWidth).Select(w => (long)w).Reverse().ToArray();
        var count = widths.Length;
        startChannels = widths[0];
        lift = Linear(latentSize, startChannels * 16);
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            ("norm_in", CounterFreeBatchNorm.Create2d(startChannels)),
            ("act_in", ReLU()),
        };
        for (var i = 0; i < count; i++)
        {
            var last = i == count - 1;
            var outChannels = last ? channels : widths[i + 1];
            layers.Add(($"deconv{i}", new GemmConvTranspose2d(widths[i], outChannels, 4, stride: 2, padding: 1, bias: last)));
            if (last)
                break;
            layers.Add(($"norm{i}", CounterFreeBatchNorm.Create2d(outChannels)));
            layers.Add(($"act{i}", ReLU()));
        }
        layers.Add(("out", Sigmoid()));
        body = Sequential(layers);
        RegisterComponents();
    }

    /// <param name="codes">Latent codes [batch, latentSize].</param>
    /// <returns>Images [batch, C, size, size] in [0, 1].</returns>
    public override Tensor forward(Tensor codes)
    {
        using var scope = NewDisposeScope();
        var map = lift.forward(codes).reshape(-1, startChannels, 4, 4);
        return body.forward(map).MoveToOuterDisposeScope();
    }
}
