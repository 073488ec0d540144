using System.Runtime.InteropServices;
using System.Security.Cryptography;
using KukaPortal.Core.Series;

namespace KukaPortal.Ml.Artifacts;

/// <summary>Identifies the exact data a model was trained on, so a result can be traced to its recording.</summary>
public static class TrainingDataFingerprint
{
    public static string Of(TimeSeries series) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(series.Values.AsSpan())));
}
