using System.Runtime.InteropServices;
using System.Security.Cryptography;
using KukaPortal.Core.Images;
using KukaPortal.Core.Series;

namespace KukaPortal.Ml.Artifacts;

/// <summary>Identifies the exact data a model was trained on, so a result can be traced to its recording.</summary>
public static class TrainingDataFingerprint
{
    public static string Of(TimeSeries series) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(series.Values.AsSpan())));

    /// <summary>The images' float32 pixels one after another, in the order given.</summary>
    public static string Of(IEnumerable<PlanarImage> images)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var image in images)
            hash.AppendData(MemoryMarshal.AsBytes(image.Pixels.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
