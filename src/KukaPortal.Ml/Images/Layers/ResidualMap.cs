using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.Layers;

/// <summary>
/// The per-pixel anomaly map of the reconstruction families: |x − x̂| averaged over channels, smoothed by
/// <see cref="GaussianFilter.SmoothMaps"/> (σ = 2 pixels). Smoothing turns single noisy pixels into nothing and a
/// defect's connected residue into a blob, which is what the pixel AUROC and the inspection overlay should see.
/// </summary>
internal static class ResidualMap
{
    /// <summary>images and reconstructions [batch, C, H, W] → map [batch, H, W].</summary>
    public static Tensor Of(Tensor images, Tensor reconstructions) =>
        GaussianFilter.SmoothMaps((images - reconstructions).abs().mean([1L]));
}
