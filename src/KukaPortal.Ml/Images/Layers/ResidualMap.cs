using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.Layers;

/// <summary>
/// The per-pixel anomaly map of the reconstruction families: |x − x̂| averaged over channels, smoothed by a
/// Gaussian of σ = 2 pixels. Smoothing turns single noisy pixels into nothing and a defect's connected
/// residue into a blob, which is what the pixel AUROC and the inspection overlay should see.
/// </summary>
internal static class ResidualMap
{
    public const double Sigma = 2;

    /// <summary>images and reconstructions [batch, C, H, W] → map [batch, H, W].</summary>
    public static Tensor Of(Tensor images, Tensor reconstructions) =>
        Smooth((images - reconstructions).abs().mean([1L], keepdim: true)).squeeze(1);

    /// <summary>Separable Gaussian blur of [batch, 1, H, W] with reflected borders (no dark rim from zero padding).</summary>
    public static Tensor Smooth(Tensor map)
    {
        var radius = (int)Math.Ceiling(3 * Sigma);
        var offsets = arange(-radius, radius + 1, dtype: ScalarType.Float32, device: map.device);
        var kernel = exp(-(offsets * offsets) / (2 * Sigma * Sigma));
        kernel = kernel / kernel.sum();
        var padded = nn.functional.pad(map, [radius, radius, radius, radius], PaddingModes.Reflect);
        var rows = nn.functional.conv2d(padded, kernel.reshape(1, 1, 1, -1));
        return nn.functional.conv2d(rows, kernel.reshape(1, 1, -1, 1));
    }
}
