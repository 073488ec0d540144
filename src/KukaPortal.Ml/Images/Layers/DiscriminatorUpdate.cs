using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.Layers;

/// <summary>
/// The discriminator's half of the GANomaly family's game: one Adam step on BCE(D(x), 1) + BCE(D(x̂), 0) — the
/// numerically stable form of maximising log D(x) + log(1 − D(x̂)) — with x̂ detached so the generator is untouched.
/// </summary>
internal static class DiscriminatorUpdate
{
    /// <returns>The loss and the share of real and fake images classified right.</returns>
    public static (double Loss, double Accuracy) Step(DcganEncoder discriminator, optim.Optimizer optimizer, Tensor real, Tensor fake)
    {
        using var scope = NewDisposeScope();
        var realLogits = discriminator.forward(real);
        var fakeLogits = discriminator.forward(fake.detach());
        var loss = nn.functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
            + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        var right = realLogits.detach().gt(0).sum().item<long>() + fakeLogits.detach().lt(0).sum().item<long>();
        return (loss.item<float>(), right / (double)(realLogits.numel() + fakeLogits.numel()));
    }

    /// <summary>DCGAN's Adam (β₁ = 0.5): the default 0.9 carries momentum across the opponent's moves and makes the game oscillate.</summary>
    public static optim.Optimizer Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate) =>
        optim.Adam(parameters, learningRate, beta1: 0.5, beta2: 0.999);

    /// <summary>GANomaly's and paper 004's learning rate.</summary>
    public const double DefaultLearningRate = 2e-4;
}
