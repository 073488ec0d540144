using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// Separable Gaussian filtering of image batches, per channel: SSIM's local statistics and the smoothing of
/// anomaly maps. Borders are reflect-padded (the row or column next to the edge is mirrored), so the output has
/// the input's size and a constant image stays constant up to its edge; zero padding would darken the frame and
/// paint a false anomaly around every map.
/// </summary>
internal static class GaussianFilter
{
    /// <summary>The normalised 1-D taps exp(−i²/2σ²) for i in [−radius, radius]; the 2-D window is their outer product.</summary>
    public static float[] Taps(int radius, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        var taps = Enumerable.Range(-radius, 2 * radius + 1).Select(i => Math.Exp(-i * i / (2 * sigma * sigma))).ToArray();
        var sum = taps.Sum();
        return taps.Select(t => (float)(t / sum)).ToArray();
    }

    /// <param name="images">[batch, C, H, W] with H and W larger than <paramref name="radius"/> (reflect padding needs it).</param>
    public static Tensor Apply(Tensor images, int radius, double sigma)
    {
        if (images.dim() != 4)
            throw new ArgumentException($"Expected images [batch, C, H, W], got [{string.Join(", ", images.shape)}].", nameof(images));
        if (images.shape[2] <= radius || images.shape[3] <= radius)
            throw new ArgumentException($"A {images.shape[2]}×{images.shape[3]} image is too small for a filter of radius {radius}.", nameof(images));

        using var scope = NewDisposeScope();
        var channels = images.shape[1];
        var kernel = tensor(Taps(radius, sigma), dtype: images.dtype, device: images.device);
        // Grouped convolutions: each channel is filtered on its own, first along rows, then along columns.
        var horizontal = kernel.reshape(1, 1, 1, -1).expand(channels, 1, 1, -1);
        var vertical = kernel.reshape(1, 1, -1, 1).expand(channels, 1, -1, 1);
        var padded = nn.functional.pad(images, [radius, radius, radius, radius], PaddingModes.Reflect);
        var rows = nn.functional.conv2d(padded, horizontal, groups: channels);
        var result = nn.functional.conv2d(rows, vertical, groups: channels);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Anomaly maps [batch, H, W] smoothed with σ = 2 (radius 3σ): single-pixel noise of a reconstruction fades, a defect's blob stays.</summary>
    public static Tensor SmoothMaps(Tensor maps)
    {
        using var scope = NewDisposeScope();
        return Apply(maps.unsqueeze(1), radius: 6, sigma: 2).squeeze(1).MoveToOuterDisposeScope();
    }
}
