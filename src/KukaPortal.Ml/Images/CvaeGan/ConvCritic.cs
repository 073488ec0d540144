using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// An image critic with one unbounded linear output per image: <see cref="ConvEncoderStack"/> without BatchNorm
/// followed by a fully connected layer (paper 003: "similar to the encoder but abandons the batch-norm layers and
/// attaches fully connected layers"). CVAE-GAN uses it as the WGAN-GP critic, the adversarial VAE as its
/// least-squares discriminator with targets +1 and −1.
/// </summary>
internal sealed class ConvCritic : Module<Tensor, Tensor>
{
    // Field names are state_dict keys.
    private readonly ConvEncoderStack body;
    private readonly Linear output;

    public ConvCritic(int size, int channels, int baseWidth) : base(nameof(ConvCritic))
    {
        body = new ConvEncoderStack(size, channels, baseWidth, batchNorm: false);
        output = Linear(body.FlatSize, 1);
        RegisterComponents();
    }

    /// <returns>One score per image [batch].</returns>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return output.forward(body.forward(images).flatten(1)).flatten().MoveToOuterDisposeScope();
    }
}
