using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Each channel's share of a window's error (error / sum of errors) as float16 little-endian, one value per
/// channel: 2 bytes per channel, so 172 bytes for the 86-channel robot (plus PostgreSQL's 4-byte bytea
/// header) instead of 344 as float32 or a row per channel. A share lies in [0, 1], where float16 keeps
/// about three significant digits (absolute error at most 2^-11 ≈ 0.0005): plenty for a heat map.
/// </summary>
public static class ContributionCodec
{
    public const int BytesPerChannel = 2;
    private const int OnTheStackUpTo = 1024;

    /// <summary>Null when the errors have no meaningful shares (empty, a non-finite value, or all zero).</summary>
    public static byte[]? Encode(ReadOnlySpan<float> channelErrors)
    {
        double sum = 0;
        foreach (var e in channelErrors)
        {
            if (!float.IsFinite(e) || e < 0) return null;
            sum += e;
        }
        if (channelErrors.Length == 0 || sum <= 0) return null;

        // The shares in float, scaled and converted to float16 in vector lanes: 13 times faster than a scalar conversion per
        // value, which was a seventh of the score writer's CPU (docs/performance.md, Score persistence). Rounding to float
        // first moves a share by one float16 step (at most 2^-11) in rare cases: 9 of 172,000 values in the probe.
        Span<float> shares = channelErrors.Length <= OnTheStackUpTo ? stackalloc float[channelErrors.Length] : new float[channelErrors.Length];
        var scale = 1 / sum;
        if (scale <= float.MaxValue) TensorPrimitives.Multiply(channelErrors, (float)scale, shares);
        else for (var i = 0; i < shares.Length; i++) shares[i] = (float)(channelErrors[i] / sum); // a sum so small that its reciprocal overflows float
        var bytes = new byte[channelErrors.Length * BytesPerChannel];
        var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan());
        TensorPrimitives.ConvertToHalf(shares, halves);
        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<Half, short>(halves);
            BinaryPrimitives.ReverseEndianness(bits, bits);
        }
        return bytes;
    }

    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % BytesPerChannel != 0)
            throw new FormatException($"Channel contributions hold {BytesPerChannel} bytes per channel; {bytes.Length} bytes is not a whole number of channels.");
        var shares = new float[bytes.Length / BytesPerChannel];
        for (var i = 0; i < shares.Length; i++)
            shares[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * BytesPerChannel)..]);
        return shares;
    }
}
