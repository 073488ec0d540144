using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// The maths of CVAE-GAN's latent prior, a mixture of unit-variance Gaussians N(u_y, I) with learnable means.
/// </summary>
internal static class LatentMixture
{
    /// <summary>
    /// KL(N(μ, σ²) ‖ N(u_y, I)) for every image and component [batch, K], in nats per latent dimension (so that
    /// the negative-training threshold does not depend on the latent size):
    /// ½·mean_d(σ² + (μ − u_y)² − 1 − log σ²).
    /// </summary>
    public static Tensor Divergences(Tensor mean, Tensor logVariance, Tensor means)
    {
        using var scope = NewDisposeScope();
        var offset = mean.unsqueeze(1) - means.unsqueeze(0);                 // [batch, K, d]
        var spread = (logVariance.exp() - 1 - logVariance).unsqueeze(1);     // [batch, 1, d]
        return (0.5 * (spread + offset.square()).mean([2L])).MoveToOuterDisposeScope();
    }

    /// <summary>The index of the mean nearest to each code [batch]: the categorical loss's target, as no labels exist.</summary>
    public static Tensor Nearest(Tensor codes, Tensor means)
    {
        using var scope = NewDisposeScope();
        return cdist(codes.detach(), means.detach()).argmin(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="count"/> codes far from every component, for active negative training. Paper 003 asks for a
    /// distance above 2 (twice the unit standard deviation); in d dimensions a code of the component itself already
    /// lies ≈ √d from its mean, so the distance is taken per dimension: every code here is more than 2√d from every
    /// mean. Each is a random mean plus a random direction of length 2√d to 3√d; the few that land within 2√d of
    /// another mean are pushed out along their offset from it.
    /// </summary>
    public static Tensor Outliers(Tensor means, int count)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (components, dimensions) = (means.shape[0], means.shape[1]);
        var minimum = 2 * Math.Sqrt(dimensions);
        var direction = nn.functional.normalize(randn(count, dimensions, dtype: means.dtype, device: means.device), p: 2, dim: 1);
        var radius = minimum * (1 + rand(count, 1, dtype: means.dtype, device: means.device) * 0.5);
        var origin = means.index_select(0, randint(components, [count], device: means.device));
        var codes = origin + direction * radius;
        for (var k = 0; k < components; k++)
        {
            var offset = codes - means[k];
            var distance = offset.norm(1, keepdim: true);
            var push = (minimum * 1.01 / distance.clamp_min(1e-6)).clamp_min(1);  // ≥ 1 only for codes too close
            codes = means[k] + offset * push;
        }
        return codes.MoveToOuterDisposeScope();
    }
}
