using TorchSharp;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// What the torch runtime reported at start-up. The portal shows it on /health, so an unavailable
/// runtime is a value with an <see cref="Error"/>, not an exception.
/// </summary>
public sealed record TorchInfo(
    bool Available,
    string DeviceType,
    string DeviceName,
    string LibTorchVersion,
    int Threads,
    string? Error)
{
    public static TorchInfo Unavailable(string deviceType, string error) =>
        new(false, deviceType, "none", "unknown", 0, error);

    /// <summary>The torch device to put models and batches on; only meaningful when <see cref="Available"/>.</summary>
    public torch.Device ToDevice()
    {
        if (!Available)
            throw new InvalidOperationException($"Torch is not available: {Error}");
        return torch.device(DeviceType);
    }
}
