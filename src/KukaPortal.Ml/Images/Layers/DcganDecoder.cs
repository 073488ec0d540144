using KukaPortal.Ml.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.Layers;

/// <summary>
/// DCGAN's generator, the mirror of <see cref="DcganEncoder"/>: a 4×4 transposed convolution lifts z [batch, latent]
/// to 4×4, transposed convolutions of stride 2 (batch norm + ReLU) double it up to the image size, and a sigmoid
/// keeps the output in [0, 1] like the input (DCGAN's tanh would expect images in [−1, 1]).
/// </summary>
internal sealed class DcganDecoder : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public DcganDecoder(int channels, int size, int baseWidth, int latent) : base(nameof(DcganDecoder))
    {
        // The widths of the encoder's levels, from the image down; the decoder walks them back up.
        var widths = DcganLevels.Widths(size, baseWidth);

        var modules = new List<(string, Module<Tensor, Tensor>)>
        {
            ("lift", new GemmConvTranspose2d(latent, widths[^1], 4, bias: false)),
            ("liftnorm", CounterFreeBatchNorm.Create2d(widths[^1])),
            ("liftact", ReLU()),
        };
        for (var level = widths.Length - 1; level > 0; level--)
        {
            modules.Add(($"up{level}", new GemmConvTranspose2d(widths[level], widths[level - 1], 4, stride: 2, padding: 1, bias: false)));
            modules.Add(($"norm{level}", CounterFreeBatchNorm.Create2d(widths[level - 1])));
            modules.Add(($"act{level}", ReLU()));
        }
        modules.Add(("up0", new GemmConvTranspose2d(widths[0], channels, 4, stride: 2, padding: 1, bias: false)));
        modules.Add(("output", Sigmoid()));
        layers = Sequential(modules);
        RegisterComponents();
    }

    /// <summary>z [batch, latent] → images [batch, C, size, size].</summary>
    public override Tensor forward(Tensor z) => layers.forward(z.reshape(z.shape[0], z.shape[1], 1, 1));
}
