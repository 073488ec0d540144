using System.Runtime.InteropServices;
using KukaPortal.Core.Formats;

namespace KukaPortal.Core.Images;

/// <summary>
/// N-dimensional uint8 and int32 NPY arrays for <see cref="ImageSetArchive"/>: the recording readers only
/// need 1-D and 2-D floats, an image stack is 4-D. Uses the shared <see cref="NpyHeader"/>.
/// </summary>
internal static class NpyBytes
{
    public const string UInt8 = "|u1";
    public const string Int32 = "<i4";

    public static void Write(Stream stream, string descr, long[] shape, ReadOnlySpan<byte> data)
    {
        RequireLittleEndianHost();
        new NpyHeader(descr, false, shape, 1).Write(stream);
        stream.Write(data);
    }

    public static void WriteInts(Stream stream, long[] shape, ReadOnlySpan<int> values) =>
        Write(stream, Int32, shape, MemoryMarshal.AsBytes(values));

    /// <summary>The array's raw bytes, after checking its type and that its shape is <paramref name="expected"/> (-1 = any size).</summary>
    public static byte[] Read(Stream stream, string name, string descr, long[] expected)
    {
        RequireLittleEndianHost();
        var header = NpyHeader.Read(stream);
        var matches = header.Descr == descr && header.Shape.Count == expected.Length &&
                      header.Shape.Zip(expected).All(p => p.Second < 0 || p.First == p.Second);
        if (!matches || header.FortranOrder)
            throw new RecordingFormatException(RecordingErrorKind.UnsupportedShape,
                $"The stored image set's '{name}' is '{header.Descr}' {header.ShapeText}{(header.FortranOrder ? " in Fortran order" : "")}; " +
                $"expected '{descr}' ({string.Join(", ", expected.Select(e => e < 0 ? "N" : e.ToString(System.Globalization.CultureInfo.InvariantCulture)))}).");
        var size = header.Shape.Aggregate(1L, (a, b) => a * b) * (descr == Int32 ? 4 : 1);
        var bytes = new byte[size];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static int[] ReadInts(Stream stream, string name, long[] expected) =>
        MemoryMarshal.Cast<byte, int>(Read(stream, name, Int32, expected)).ToArray();

    private static void RequireLittleEndianHost()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Stored image sets are little-endian; this host is big-endian.");
    }
}
