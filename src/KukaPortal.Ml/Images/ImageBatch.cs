using KukaPortal.Core.Images;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>Copies planar images into one tensor [batch, C, H, W] on the device.</summary>
internal static class ImageBatch
{
    public static Tensor ToTensor(IReadOnlyList<PlanarImage> images, IReadOnlyList<int> indices, Device device)
    {
        var first = images[indices[0]];
        var length = first.Pixels.Length;
        var data = new float[indices.Count * length];
        for (var i = 0; i < indices.Count; i++)
            images[indices[i]].Pixels.CopyTo(data, i * length);
        return tensor(data, [indices.Count, first.Channels, first.Height, first.Width]).to(device);
    }
}
