using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Adversarial;

/// <summary>
/// Mescheder et al.'s R1 gradient penalty, (γ/2)·E‖∇ₓ D(x)‖² on real windows, taken on the logit and with
/// respect to the windows in the scaled units the discriminator receives. Paper 000 needed it because its
/// discriminator otherwise drifted to one label for every window: penalising the slope of D at the data keeps
/// its decision boundary smooth, so it cannot become arbitrarily confident about real windows.
/// </summary>
internal static class R1Penalty
{
    /// <param name="realLogits">D's logits [batch] of <paramref name="realWindows"/>, from a forward pass that recorded the graph.</param>
    /// <param name="realWindows">The real windows, a leaf with <c>requires_grad</c> set before that forward pass.</param>
    /// <param name="gamma">γ; 0 switches the penalty off (a zero that needs no gradient).</param>
    /// <returns>A scalar that is differentiable with respect to D's parameters (the gradient is built with create_graph).</returns>
    public static Tensor Of(Tensor realLogits, Tensor realWindows, double gamma)
    {
        if (gamma == 0)
            return zeros([], dtype: realLogits.dtype, device: realLogits.device);

        using var scope = NewDisposeScope();
        // The gradient of the summed logit: each window's own gradient in eval mode; in train mode BatchNorm's batch
        // statistics couple the windows and their cross terms are part of it, as in every R1 with a BatchNorm critic.
        var gradient = autograd.grad([realLogits.sum()], [realWindows], retain_graph: true, create_graph: true)[0];
        var squaredNorms = gradient.square().flatten(1).sum(1);
        return (squaredNorms.mean() * (gamma / 2)).MoveToOuterDisposeScope();
    }
}
