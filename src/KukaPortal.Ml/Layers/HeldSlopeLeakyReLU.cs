using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Layers;

/// <summary>
/// LeakyReLU whose negative slope is one Scalar the layer holds: the LeakyReLU every model here uses.
/// <para>
/// Why: TorchSharp's own LeakyReLU keeps the slope as a double and converts it into a new temporary Scalar on every
/// forward, which a collection can finalize while libtorch reads it (<see cref="Runtime.ConstantScalars"/>). It has
/// no parameters or buffers, so artifacts saved with TorchSharp's layer load into this one unchanged.
/// </para>
/// </summary>
internal sealed class HeldSlopeLeakyReLU : nn.Module<Tensor, Tensor>
{
    private readonly Scalar slope;

    public HeldSlopeLeakyReLU(double negativeSlope) : base("LeakyReLU")
    {
        NegativeSlope = negativeSlope;
        slope = negativeSlope.ToScalar();
    }

    public double NegativeSlope { get; }

    public override Tensor forward(Tensor input) => input.leaky_relu(slope);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            slope.Dispose();
        base.Dispose(disposing);
    }
}
