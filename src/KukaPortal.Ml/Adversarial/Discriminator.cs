using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Adversarial;

/// <summary>
/// The critic of an adversarial family: for windows [batch, C, W] in preprocessed units it returns one logit
/// per window (D(x) = sigmoid(logit), the probability that the window is real) and f_D(x), its last hidden
/// feature map, which the generator's pairwise feature-matching loss compares. Lives only during training:
/// scoring uses the generator's reconstruction alone (paper 000), so it is not saved in the artifact.
/// </summary>
public abstract class Discriminator : nn.Module<Tensor, Tensor>
{
    protected Discriminator(string name) : base(name)
    {
    }

    /// <summary>Logits [batch] and the last hidden features [batch, ...] of the same forward pass.</summary>
    public abstract (Tensor Logits, Tensor Features) Evaluate(Tensor windows);

    public override Tensor forward(Tensor windows) => Evaluate(windows).Logits;

    /// <summary>
    /// Draws fresh initial weights in place (and forgets BatchNorm's running statistics): BeatGAN's remedy when
    /// D's loss collapses. The default resets every Conv, Linear, BatchNorm and LayerNorm layer with its own initialiser and
    /// refuses any other layer that holds parameters, so a new discriminator cannot be half reset unnoticed.
    /// </summary>
    public virtual void Reinitialise() => LayerReset.ResetAll(this);
}
