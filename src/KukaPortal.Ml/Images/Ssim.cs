using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// Structural similarity (Wang et al. 2004) of two image batches in [0, 1], as CVAE-GAN's loss and score use it:
/// Gaussian window 11×11 with σ = 1.5, c1 = 0.01², c2 = 0.03² (the constants for a dynamic range of 1),
/// SSIM = (2μxμy + c1)(2σxy + c2) / ((μx² + μy² + c1)(σx² + σy² + c2)) computed per channel and averaged over
/// channels. The local statistics are taken with reflect padding (<see cref="GaussianFilter"/>), so the map
/// has the input's size; at the border the window sees mirrored pixels rather than zeros.
/// Differentiable: it serves as a loss as well as a score.
/// </summary>
internal static class Ssim
{
    public const int WindowRadius = 5;
    public const double WindowSigma = 1.5;
    public const double C1 = 0.01 * 0.01;
    public const double C2 = 0.03 * 0.03;

    /// <param name="x">[batch, C, H, W] in [0, 1].</param>
    /// <param name="y">Same shape as <paramref name="x"/>.</param>
    /// <returns>The SSIM map [batch, H, W] (1 where the images agree) and its mean per image [batch].</returns>
    public static (Tensor Map, Tensor Mean) Compute(Tensor x, Tensor y)
    {
        if (!x.shape.SequenceEqual(y.shape))
            throw new ArgumentException($"SSIM compares images of one shape, got [{string.Join(", ", x.shape)}] and [{string.Join(", ", y.shape)}].");

        using var scope = NewDisposeScope();
        var channels = x.shape[1];
        // One filter pass over the five local moments stacked along the channels.
        var moments = GaussianFilter.Apply(cat([x, y, x * x, y * y, x * y], 1), WindowRadius, WindowSigma).split(channels, 1);
        var (muX, muY) = (moments[0], moments[1]);
        var muXX = muX * muX;
        var muYY = muY * muY;
        var muXY = muX * muY;
        var varX = moments[2] - muXX;
        var varY = moments[3] - muYY;
        var covariance = moments[4] - muXY;

        var map = ((2 * muXY + C1) * (2 * covariance + C2) / ((muXX + muYY + C1) * (varX + varY + C2))).mean([1L]);
        var mean = map.mean([1L, 2L]);
        return (map.MoveToOuterDisposeScope(), mean.MoveToOuterDisposeScope());
    }
}
