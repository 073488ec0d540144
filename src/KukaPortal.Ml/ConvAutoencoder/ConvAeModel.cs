using KukaPortal.Ml.Models;
using KukaPortal.Ml.Runtime;
using TorchSharp;
using static KukaPortal.Ml.Runtime.ConstantScalars;
using static TorchSharp.torch;

namespace KukaPortal.Ml.ConvAutoencoder;

/// <summary>
/// The 1-D convolutional autoencoder of paper 000. Takes and returns windows [batch, C, W] in the
/// min-max scaled units of the data ([0, 1] on normal data).
/// <para>
/// Why the affine maps around the network: DCGAN's rules end the decoder in Tanh, whose range is [-1, 1],
/// while the paper scales data to [0, 1]. Feeding [0, 1] to a Tanh target would waste half its range and
/// push normal minima into its flat tail. So the model maps inputs to 2x−1 (centred, the range Tanh covers)
/// and its Tanh output back by (y+1)/2. Losses and scores are then in scaled units, and values that leave
/// the fitted range at scoring time still cannot be reconstructed (Tanh saturates), which is what makes
/// them anomalous.
/// </para>
/// </summary>
public sealed class ConvAeModel : WindowModel
{
    // Field names are state_dict keys: renaming them breaks saved artifacts.
    private readonly ConvAeEncoder encoder;
    private readonly ConvAeDecoder decoder;

    public ConvAeModel(ConvAePlan plan) : base(nameof(ConvAeModel))
    {
        Plan = plan;
        encoder = new ConvAeEncoder(plan);
        decoder = new ConvAeDecoder(plan);
        RegisterComponents();
    }

    public ConvAePlan Plan { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var reconstructed = decoder.forward(encoder.forward(Centred(input)));
        return reconstructed.add(One, One).div(Two).MoveToOuterDisposeScope(); // (y + 1) / 2
    }

    /// <summary>The latent code [batch, L, 1] of windows in scaled units.</summary>
    public Tensor Encode(Tensor input)
    {
        using var scope = NewDisposeScope();
        return encoder.forward(Centred(input)).MoveToOuterDisposeScope();
    }

    /// <summary>2x − 1, with held Scalars: forward is on the scoring path, which leaves no temporary Scalar (<see cref="ConstantScalars"/>).</summary>
    private static Tensor Centred(Tensor input) => input.mul(Two).sub(One);
}
