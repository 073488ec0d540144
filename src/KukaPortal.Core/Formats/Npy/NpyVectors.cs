using System.Runtime.InteropServices;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Exact 1-D float64 and boolean arrays: timestamps must keep their full precision (float32 cannot tell
/// 12 ms steps apart a day into a recording) and labels are flags, so neither goes through the float matrix path.
/// </summary>
public static class NpyVectors
{
    public static void WriteDoubles(Stream stream, ReadOnlySpan<double> values)
    {
        RequireLittleEndianHost();
        new NpyHeader("<f8", false, [values.Length], 1).Write(stream);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    public static void WriteBools(Stream stream, ReadOnlySpan<bool> values)
    {
        new NpyHeader("|b1", false, [values.Length], 1).Write(stream);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    public static double[] ReadDoubles(Stream stream)
    {
        RequireLittleEndianHost();
        var values = new double[VectorLength(NpyHeader.Read(stream), "<f8")];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static bool[] ReadBools(Stream stream)
    {
        var bytes = new byte[VectorLength(NpyHeader.Read(stream), "|b1")];
        stream.ReadExactly(bytes);
        return Array.ConvertAll(bytes, b => b != 0);
    }

    private static int VectorLength(NpyHeader header, string descr)
    {
        if (header.Descr != descr || header.Shape.Count != 1)
            throw new RecordingFormatException(RecordingErrorKind.UnsupportedType,
                $"Expected a 1-D '{descr}' array, found '{header.Descr}' with shape {header.ShapeText}.");
        return checked((int)header.Shape[0]);
    }

    private static void RequireLittleEndianHost()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Stored recordings are little-endian; this host is big-endian.");
    }
}
