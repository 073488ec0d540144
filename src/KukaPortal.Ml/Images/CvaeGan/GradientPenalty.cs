using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// WGAN-GP's penalty (Gulrajani et al.; paper 003 eq. 14): E[(‖∇D(x̃)‖₂ − 1)²] at x̃ = t·x + (1 − t)·x̂ with
/// t ~ U[0, 1] per image, which keeps the critic 1-Lipschitz along the lines between real and generated images.
/// The gradient is built with create_graph, so the penalty's own gradient reaches the critic's weights.
/// </summary>
internal static class GradientPenalty
{
    /// <param name="critic">Scores one value per image.</param>
    /// <param name="real">Real images [batch, C, H, W].</param>
    /// <param name="fake">Generated images of the same shape, detached from the generator.</param>
    public static Tensor Of(Func<Tensor, Tensor> critic, Tensor real, Tensor fake)
    {
        using var scope = NewDisposeScope();
        var t = rand(real.shape[0], 1, 1, 1, dtype: real.dtype, device: real.device);
        var between = (t * real.detach() + (1 - t) * fake.detach()).requires_grad_(true);
        var scores = critic(between);
        var gradient = autograd.grad([scores.sum()], [between], retain_graph: true, create_graph: true)[0];
        // The small constant keeps the norm's own gradient finite where the input gradient is exactly zero.
        var norm = (gradient.square().flatten(1).sum(1) + 1e-12).sqrt();
        return (norm - 1).square().mean().MoveToOuterDisposeScope();
    }
}
