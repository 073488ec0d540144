using System.Buffers.Binary;

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

        var bytes = new byte[channelErrors.Length * BytesPerChannel];
        for (var i = 0; i < channelErrors.Length; i++)
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * BytesPerChannel), (Half)(channelErrors[i] / sum));
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
