using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// The variational end of an encoder: two linear layers from the flattened feature map to the posterior's mean
/// μ and log-variance log σ², and the reparameterised sample z = μ + σ·ε that keeps z differentiable.
/// </summary>
internal sealed class VariationalHead : Module<Tensor, Tensor>
{
    // Field names are state_dict keys.
    private readonly Linear mean;
    private readonly Linear logVariance;

    public VariationalHead(long inputs, int latentSize) : base(nameof(VariationalHead))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentSize, 1);
        mean = Linear(inputs, latentSize);
        logVariance = Linear(inputs, latentSize);
        RegisterComponents();
    }

    /// <param name="features">Encoder output of any shape [batch, ...]; flattened here.</param>
    public (Tensor Mean, Tensor LogVariance) Posterior(Tensor features)
    {
        var flat = features.flatten(1);
        // Clamped so that exp(log σ²) cannot overflow early in training when the encoder's outputs are wild.
        return (mean.forward(flat), logVariance.forward(flat).clamp(-10, 10));
    }

    /// <summary>z = μ + σ·ε with ε ~ N(0, I).</summary>
    public static Tensor Sample(Tensor mean, Tensor logVariance) => mean + (logVariance * 0.5).exp() * randn_like(mean);

    /// <summary>The posterior mean, the deterministic code used when scoring.</summary>
    public override Tensor forward(Tensor features) => Posterior(features).Mean;
}
